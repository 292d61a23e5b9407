import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// The static web client. Run from the repo root: `npx vite build --config web/vite.config.ts`.
// Preact through Vite's own JSX transform (oxc): no Babel plugin needed.
export default defineConfig({
  root,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "../web/dist",
    emptyOutDir: true,
  },
});

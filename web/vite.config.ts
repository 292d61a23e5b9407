import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// The static web client. Run from the repo root: `npx vite build --config web/vite.config.ts`.
export default defineConfig({
  root,
  build: {
    outDir: "../web/dist",
    emptyOutDir: true,
  },
});

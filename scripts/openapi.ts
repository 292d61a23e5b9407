import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadHostConfig } from "../host/config";
import { InProcessQueue } from "../host/in-process-queue";
import { nodePlatform } from "../host/platform";
import { createApp } from "../workers/api/src/app";
import { openApiDocument } from "../workers/api/src/http/openapi";
import { jsonLogger } from "../workers/shared/src/platform/log";

/**
 * `npm run openapi`: writes docs/openapi.json, the document GET /openapi.json serves, from a
 * Node platform over a throwaway data folder. Run it after adding or changing a route; a test
 * (test/integration/openapi.test.ts) fails while the committed file is behind.
 */

export const documentPath = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));

/** The server the committed document names: the Node host of `npm start`. */
export const documentServer = "http://localhost:8787";

export async function generateDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-openapi-"));
  const log = jsonLogger(() => {});
  const queue = new InProcessQueue({ log });
  const config = await loadHostConfig({ dataDir, publicUrl: documentServer, env: {} });
  const platform = await nodePlatform(config, queue, log);
  try {
    return await openApiDocument(createApp(platform), documentServer);
  } finally {
    queue.close();
    platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const document = await generateDocument();
  writeFileSync(documentPath, `${JSON.stringify(document, null, 2)}\n`);
  // The repository's formatting, so `npm run check` accepts the file as written.
  execFileSync("npx", ["biome", "format", "--write", documentPath], { stdio: "inherit" });
  const paths = Object.keys(document.paths as object).length;
  console.log(`Wrote ${documentPath} (${paths} paths).`);
}

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";

// Cloudflare's free plan refuses Workers over 1 MB gzipped (3 MB paid); stay under the lower.
const limit = 1024 * 1024;

it.each(["api", "scheduler"])("keeps the %s Worker under 1 MB gzipped", (worker) => {
  const bundle = readFileSync(new URL(`../../dist/workers/${worker}/index.js`, import.meta.url));
  expect(gzipSync(bundle).length).toBeLessThan(limit);
});

import { execFileSync } from "node:child_process";

/**
 * Edge tests run the bundles wrangler builds, so they build them first: a stale bundle would
 * test yesterday's code, and a broken wrangler.toml fails here before any test runs.
 */
export default function buildWorkers(): void {
  execFileSync("npm", ["run", "--silent", "build:workers"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

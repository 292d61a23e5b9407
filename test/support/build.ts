import { execFileSync } from "node:child_process";

/**
 * Edge and e2e tests run what `npm run build` makes: the web client and both Worker bundles
 * from wrangler. Building first means no test runs a stale bundle, and a broken
 * wrangler.toml fails here. Both projects' global setups share one process, so the env
 * marker keeps it to one build per run.
 */
export default function build(): void {
  if (process.env.TANDEM_TEST_BUILD_DONE) return;
  execFileSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  process.env.TANDEM_TEST_BUILD_DONE = "1";
}

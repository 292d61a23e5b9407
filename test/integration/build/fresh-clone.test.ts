import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

// A fresh clone has no web/dist: the API Worker serves it as its assets, so building the
// Workers must build the web client first rather than fail on a folder that is not there.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const clone = mkdtempSync(join(tmpdir(), "tandem-clone-"));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

/** The tracked files as they are in the working tree, with the installed node_modules. */
function freshClone(): void {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" });
  for (const file of files.split("\0").filter(Boolean)) {
    if (!existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(clone, file));
  }
  symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"), "dir");
}

it("npm run build:workers on a fresh clone builds the web client and both Workers", async () => {
  freshClone();
  expect(existsSync(join(clone, "web", "dist"))).toBe(false);
  const run = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "build:workers"],
      { cwd: clone, timeout: 120_000, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
  expect(run.output).not.toMatch(/does not exist/);
  expect(run.code).toBe(0);
  expect(existsSync(join(clone, "web", "dist", "index.html"))).toBe(true);
  expect(existsSync(join(clone, "dist", "workers", "api", "index.js"))).toBe(true);
  expect(existsSync(join(clone, "dist", "workers", "scheduler", "index.js"))).toBe(true);
}, 150_000);

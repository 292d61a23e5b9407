import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The layout's boundaries are enforced by the linter and by the Workers' own type check, which
// `npm test` runs over the real tree. These tests prove the rules bite: each writes one file
// into a scratch copy of the layout and runs the same tools on it.

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const scratch = mkdtempSync(join(tmpdir(), "tandem-boundaries-"));
cpSync(join(root, "biome.json"), join(scratch, "biome.json"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** Lints one file placed at `path` in the scratch tree; returns the diagnostics text. */
function lint(path: string, source: string): string {
  const dir = join(scratch, `case-${++n}`);
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  cpSync(join(scratch, "biome.json"), join(dir, "biome.json"));
  writeFileSync(file, `${source}\n`);
  try {
    execFileSync(bin("biome"), ["lint", "--colors=off", path], { cwd: dir, stdio: "pipe" });
    return "";
  } catch (err) {
    const { stdout, stderr } = err as { stdout: Buffer; stderr: Buffer };
    return `${stdout}${stderr}`;
  }
}

const use = (specifier: string) => `import { x } from "${specifier}";\n\nexport const y = x;`;

describe("lint boundaries", { timeout: 60_000 }, () => {
  it("a feature reaches another only through its index.ts", () => {
    const file = "workers/api/src/features/audit/list.ts";
    expect(lint(file, use("../programs/queries"))).toContain("only through its index.ts");
    expect(lint(file, use("../programs"))).toBe("");
    expect(lint(file, use("./record"))).toBe("");
    expect(lint(file, use("../../http/validator"))).toBe("");
  });

  it("Worker code imports no Node built-in, no host and no test support", () => {
    const file = "workers/shared/src/platform/thing.ts";
    expect(lint(file, use("node:fs"))).toContain("no Node built-ins");
    expect(lint(file, use("../../../../host/platform"))).toContain("must not import the Node host");
    expect(lint(file, use("../../../../test/support/node-harness"))).toContain(
      "never imports test support",
    );
    expect(lint(file, use("./log"))).toBe("");
  });

  it("the web client takes only contracts and domain code from the Workers", () => {
    const file = "web/src/features/members/MembersPage.tsx";
    const shared = "../../../../workers/shared/src";
    expect(lint(file, use(`${shared}/contracts/members`))).toBe("");
    expect(lint(file, use(`${shared}/domain/program-rules`))).toBe("");
    expect(lint(file, use("../../lib/api"))).toBe("");
    for (const outside of [
      `${shared}/platform/log`,
      `${shared}/security/actor`,
      "../../../../workers/api/src/features/members",
    ]) {
      expect(lint(file, use(outside)), outside).toContain("only workers/shared/src/contracts/");
    }
    expect(lint(file, use("../../../../db/tenant/schema"))).toContain("runs in the browser");
    expect(lint(file, use("../../../../host/platform"))).toContain("runs in the browser");
  });
});

describe("the Workers' type check", () => {
  it("has no Node types: a Worker file using process fails it", () => {
    const dir = join(root, ".tmp", `workers-types-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, "uses-node.ts"), "export const env = process.env.HOME;\n");
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({ extends: "../../tsconfig.workers.json", include: ["uses-node.ts"] }),
      );
      const typeCheck = () => {
        try {
          execFileSync(bin("tsc"), ["-p", dir, "--noEmit"], { stdio: "pipe" });
          return "";
        } catch (err) {
          return String((err as { stdout: Buffer }).stdout);
        }
      };
      expect(typeCheck()).toContain("Cannot find name 'process'");
      writeFileSync(join(dir, "uses-node.ts"), "export const now = Date.now();\n");
      expect(typeCheck()).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

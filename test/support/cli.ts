import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadHostConfig } from "../../host/config";
import { nodePlatform } from "../../host/platform";
import { silentLogger } from "../../workers/shared/src/platform/log";
import { createTenant } from "../../workers/shared/src/tenancy/tenants";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The parent's environment without anything that would point the CLI elsewhere. */
function childEnv(dir: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(CONTROL_DB_|DB_TOKEN_KEY|TURSO_|SIGNING_KEYS|OPERATOR_TOKEN|PUBLIC_URL|PORT$|MAIL_)/.test(
          key,
        ),
    ),
  );
  return { ...env, DATA_DIR: dir, ...extra };
}

/** Runs the real `tandem` CLI in a child process, each test in a DATA_DIR of its own. */
export function cliHarness() {
  const dirs: string[] = [];
  return {
    dataDir(): string {
      const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
      dirs.push(dir);
      return dir;
    },
    cleanUp(): void {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
    tandem(dir: string, ...args: string[]): Promise<CliRun> {
      return runTandem(dir, {}, args);
    },
    /** Creates tenants in DATA_DIR the way the CLI would, without spawning it. */
    async withTenants(dir: string, ...slugs: string[]): Promise<void> {
      const config = await loadHostConfig({ dataDir: dir, env: {} });
      const platform = await nodePlatform(config, { sendBatch: async () => {} }, silentLogger);
      try {
        for (const slug of slugs) {
          await createTenant(
            { ...platform, actor: "test" },
            { slug, name: `Org ${slug}`, kind: "company" },
          );
        }
      } finally {
        platform.close();
      }
    },
  };
}

export function runTandem(
  dir: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  timeout = 20_000,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["cli/bin/tandem.mjs", ...args],
      { cwd: repoRoot, env: childEnv(dir, env), timeout },
      (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (typeof code !== "number") reject(error);
        else resolve({ code, stdout, stderr });
      },
    );
  });
}

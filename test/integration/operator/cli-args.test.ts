import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { cliHarness } from "../../support/cli";

// A slip on the command line is named plainly, with the usage of the command meant, and
// nothing is opened or created.
const { dataDir, tandem, cleanUp } = cliHarness();
afterAll(cleanUp);

describe.concurrent("tandem CLI: reading the command line", { timeout: 60_000 }, () => {
  it("a missing --name is named as missing, and no database is opened", async ({ expect }) => {
    const dir = dataDir();
    const run = await tandem(dir, "tenant", "create", "--slug", "acme", "--kind", "company");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^missing --name\n/);
    expect(run.stderr).toContain("tandem tenant create --slug <slug> --name <name>");
    expect(existsSync(join(dir, "control.db"))).toBe(false);
  });

  it("an option without its value is named, not taken for a command", async ({ expect }) => {
    const run = await tandem(dataDir(), "tenant", "create", "--slug", "--name", "X");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Option '--slug' argument is ambiguous.");
    expect(run.stderr).not.toContain("unknown command");
    const last = await tandem(dataDir(), "tenant", "suspend", "--slug");
    expect(last.code).toBe(2);
    expect(last.stderr).toContain("Option '--slug <value>' argument missing");
  });

  it("an unknown flag is refused, not ignored", async ({ expect }) => {
    const run = await tandem(dataDir(), "tenant", "list", "--jsn");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Unknown option '--jsn'");
    expect(run.stderr).toContain("tandem tenant list [--json]");
  });

  it("a stray argument is refused", async ({ expect }) => {
    const run = await tandem(dataDir(), "tenant", "create", "acme", "--slug", "acme");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unexpected argument 'acme'");
  });

  it("a command group without its subcommand lists the subcommands", async ({ expect }) => {
    const seed = await tandem(dataDir(), "seed");
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('"tandem seed" needs a subcommand.');
    expect(seed.stderr).toContain("tandem seed demo");
    expect(seed.stderr).not.toContain("unknown command");
    const tenant = await tandem(dataDir(), "tenant", "--help");
    expect(tenant.code).toBe(0);
    for (const verb of ["create", "invite-admin", "list", "suspend", "resume"]) {
      expect(tenant.stdout).toContain(`tandem tenant ${verb}`);
    }
  });

  it("--help after a command prints that command's usage and exits 0", async ({ expect }) => {
    const run = await tandem(dataDir(), "tenant", "create", "--help");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("tandem tenant create --slug <slug> --name <name>");
    expect(run.stdout).not.toContain("tenant list");
  });

  it("mail list --to an address with no mail says so", async ({ expect }) => {
    const run = await tandem(dataDir(), "mail", "list", "--to", "nobody@example.org");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("No emails to nobody@example.org in the dev mailbox.\n");
  });
});

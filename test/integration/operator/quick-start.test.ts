import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningHost, startHost } from "../../../host/server";
import { silentLogger } from "../../../workers/shared/src/platform/log";
import { cliHarness } from "../../support/cli";

// The README's quick start, run as written against a host listening on a port of its own
// choosing (not 8787): what the newcomer sees, and whether the link it prints opens.
const { dataDir, tandem, withTenants, cleanUp } = cliHarness();
const hosts: RunningHost[] = [];
afterAll(async () => {
  for (const host of hosts) await host.close();
  cleanUp();
});

async function runningHost(dir: string): Promise<RunningHost> {
  const host = await startHost({
    port: 0,
    dataDir: dir,
    scheduler: false,
    log: silentLogger,
    env: {},
  });
  hosts.push(host);
  return host;
}

/** The words of the quick start's `npx tandem …` line, double quotes honoured. */
function quickStartCommand(): string[] {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Quick start"));
  const line = section.split("\n").find((l) => l.startsWith("npx tandem tenant create"));
  if (!line) throw new Error("the README's quick start has no `npx tandem tenant create` line");
  const command = line.replace(/\s+#.*$/, "");
  const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  return words.slice(2);
}

const linkIn = (text: string) => /http:\/\/\S+\/accept#token=\S+/.exec(text)?.[0];

async function mailboxLinks(host: RunningHost, to: string): Promise<string[]> {
  const res = await fetch(`${host.url}/dev/mailbox?to=${encodeURIComponent(to)}`);
  const { items } = (await res.json()) as { items: { text: string }[] };
  return items.map((m) => linkIn(m.text) ?? "");
}

describe.concurrent("the README's quick start", { timeout: 60_000 }, () => {
  it("creates the organization with its first admin, prints a link that opens, and the next step", async () => {
    const dir = dataDir();
    const host = await runningHost(dir);
    const args = quickStartCommand();
    const email = args[args.indexOf("--admin-email") + 1]!;
    const run = await tandem(dir, ...args);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`links open on ${host.url} (the host running on this DATA_DIR)`);
    expect(run.stdout).toMatch(/invited \S+ as the first admin of northfield/);
    expect(run.stdout).toContain("Next: open the link in a browser");
    const link = linkIn(run.stdout)!;
    expect(link.startsWith(`${host.url}/o/northfield/accept#token=`)).toBe(true);
    expect(await mailboxLinks(host, email)).toEqual([link]);

    // The link opens: the accept page's lookup knows the invitation.
    const token = decodeURIComponent(link.split("#token=")[1]!);
    const lookup = await fetch(`${host.url}/v1/orgs/northfield/auth/invitations/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    expect(lookup.status).toBe(200);
    expect(await lookup.json()).toMatchObject({
      email,
      role: "admin",
      organization: { name: "Northfield University" },
    });
  });
});

describe.concurrent("links the CLI makes", { timeout: 60_000 }, () => {
  it("invite-admin follows the running host's port and words it as one more admin", async () => {
    const dir = dataDir();
    await withTenants(dir, "acme");
    const host = await runningHost(dir);
    const run = await tandem(
      dir,
      "tenant",
      "invite-admin",
      "--slug",
      "acme",
      "--admin-email",
      "ops@acme.example",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`links open on ${host.url} (the host running on this DATA_DIR)`);
    expect(run.stdout).toContain("invited ops@acme.example as an admin of acme;");
    expect(run.stdout).not.toContain("first admin");
    const link = linkIn(run.stdout)!;
    expect(link.startsWith(`${host.url}/o/acme/accept#token=`)).toBe(true);
    expect(await mailboxLinks(host, "ops@acme.example")).toEqual([link]);
  });

  it("with no host running, says which address it assumed and how to start the host", async () => {
    const dir = dataDir();
    await withTenants(dir, "acme");
    const host = await runningHost(dir);
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    const run = await tandem(
      dir,
      "tenant",
      "invite-admin",
      "--slug",
      "acme",
      "--admin-email",
      "ops@acme.example",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "links open on http://localhost:8787 (no host is running on this DATA_DIR yet: start it with `npm start`)",
    );
    expect(linkIn(run.stdout)!.startsWith("http://localhost:8787/o/acme/accept#token=")).toBe(true);
  });

  it("tenant create without an admin says how to invite one", async () => {
    const run = await tandem(
      dataDir(),
      ...["tenant", "create", "--slug", "acme", "--name", "Acme"],
      ...["--kind", "company"],
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("It has no admin yet; invite one");
    expect(run.stdout).toContain(
      "npx tandem tenant invite-admin --slug acme --admin-email <email>",
    );
  });
});

describe("npm start", { timeout: 60_000 }, () => {
  it("prints the address it runs on and the next step", async () => {
    const dir = dataDir();
    const child = spawn(process.execPath, ["--import", "tsx", "host/main.ts"], {
      cwd: fileURLToPath(new URL("../../../", import.meta.url)),
      env: { ...process.env, PORT: "0", DATA_DIR: dir, PUBLIC_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    try {
      // Everything it prints at start is written together; a moment later it has all come.
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("Tandem is running at")) setTimeout(resolve, 300);
        });
        child.once("exit", (code) => reject(new Error(`host exited with ${code}: ${out}`)));
        setTimeout(() => reject(new Error(`no start line within 30 s: ${out}`)), 30_000);
      });
    } finally {
      child.kill("SIGTERM");
    }
    expect(out).toMatch(/^Tandem is running at http:\/\/localhost:\d+\n/);
    expect(out).toContain("create your organization and its first admin:");
    expect(out).toContain("npx tandem tenant create --slug <slug>");
    expect(out).toContain("npx tandem seed demo");
  });
});

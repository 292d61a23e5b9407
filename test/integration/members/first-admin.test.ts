import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { auditLog, invitations, members, outbox } from "../../../db/tenant/schema";
import { DevMailbox } from "../../../host/dev-mailbox";
import { MailNotSent } from "../../../workers/shared/src/platform/mail";
import { hashToken } from "../../../workers/shared/src/security/opaque-tokens";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

const tokenIn = (link: string) => decodeURIComponent(link.split("#token=")[1] ?? "");

describe("operator API: POST /operator/v1/tenants with adminEmail", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const op = (path: string, body: unknown) =>
    h.request(`/operator/v1${path}`, {
      method: "POST",
      token: h.platform.operatorToken,
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });

  async function tenantDb(slug: string) {
    return h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
  }

  it("creates the tenant, invites the admin and returns the link that was emailed", async () => {
    const res = await op("/tenants", {
      slug: "first-api",
      name: "First University",
      kind: "university",
      adminEmail: " Dean@First.example ",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      slug: string;
      status: string;
      invitation: { email: string; link: string };
    };
    expect(body).toMatchObject({ slug: "first-api", status: "active" });
    expect(body.invitation.email).toBe("dean@first.example");
    expect(body.invitation.link).toMatch(/^http:\/\/tandem\.test\/o\/first-api\/accept#token=/);

    await h.deliver();
    const [mail] = (h.platform.mail as DevMailbox).list({ to: "dean@first.example" });
    expect(mail!.subject).toBe("Set up First University on Tandem");
    expect(mail!.text).toContain("you're invited as its first admin");
    expect(mail!.text).toContain(body.invitation.link);

    const db = await tenantDb("first-api");
    const [invitation] = await db.select().from(invitations);
    expect(invitation).toMatchObject({ role: "admin", invitedBy: null });
    expect(invitation!.tokenHash).toBe(await hashToken(tokenIn(body.invitation.link)));
    const [member] = await db.select().from(members);
    expect(member).toMatchObject({ email: "dean@first.example", role: "admin", status: "invited" });
    const [entry] = await db.select().from(auditLog);
    expect(entry).toMatchObject({ action: "member.invite", actorType: "system", actorId: null });
    expect(entry!.detail).toMatchObject({ operator: "operator-api" });
  });

  it("without adminEmail answers the tenant alone", async () => {
    const res = await op("/tenants", { slug: "first-none", name: "None", kind: "company" });
    expect(res.status).toBe(201);
    expect(await res.json()).not.toHaveProperty("invitation");
  });

  it("an invalid adminEmail is 400 on that field and creates no tenant", async () => {
    const problem = await expectProblem(
      await op("/tenants", { slug: "first-bad", name: "Bad", kind: "company", adminEmail: "x" }),
      400,
      "validation",
    );
    expect(problem.errors.map((e) => e.field)).toEqual(["adminEmail"]);
    expect(
      await h.platform.control.select().from(tenants).where(eq(tenants.slug, "first-bad")),
    ).toEqual([]);
  });

  it("while email is failing, the tenant and its invitation are created; the email waits", async () => {
    const real = h.platform.mail;
    h.platform.mail = {
      async send() {
        throw new MailNotSent("The email provider could not be reached: ECONNREFUSED", false);
      },
    };
    try {
      const res = await op("/tenants", {
        slug: "first-retry",
        name: "Retry",
        kind: "company",
        adminEmail: "boss@retry.example",
      });
      expect(res.status).toBe(201);
      await h.deliver();
    } finally {
      h.platform.mail = real;
    }
    const db = await tenantDb("first-retry");
    expect(await db.select().from(invitations)).toHaveLength(1);
    expect(await db.select().from(outbox)).toEqual([
      expect.objectContaining({
        recipient: "boss@retry.example",
        subject: "Set up Retry on Tandem",
        status: "pending",
        attempts: 1,
        lastError: "The email provider could not be reached: ECONNREFUSED",
      }),
    ]);
    expect((h.platform.mail as DevMailbox).list({ to: "boss@retry.example" })).toEqual([]);
    // A second invitation while the first is pending is a conflict, as for admins.
    await expectProblem(
      await op("/tenants/first-retry/admin-invitations", { email: "boss@retry.example" }),
      409,
      "conflict",
    );
  });

  it("admin-invitations invites an existing tenant's first admin; the email follows", async () => {
    expect(
      (await op("/tenants", { slug: "first-later", name: "Later", kind: "other" })).status,
    ).toBe(201);
    const res = await op("/tenants/first-later/admin-invitations", {
      email: "chief@later.example",
    });
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: string };
    await h.deliver();
    const [mail, ...more] = (h.platform.mail as DevMailbox).list({ to: "chief@later.example" });
    expect(mail!.text).toContain(link);
    expect(more).toEqual([]);
  });
});

// Spawning the real CLI costs about a second, so these run concurrently, each in its own
// DATA_DIR (the pattern of cli.test.ts).
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
  dir: string;
}

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-cli-admin-"));
  dirs.push(dir);
  return dir;
}

function tandem(...args: string[]): Promise<Run> {
  return tandemIn(newDataDir(), {}, ...args);
}

/** The parent's environment minus anything that would point the CLI elsewhere. */
function tandemIn(dir: string, extraEnv: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(CONTROL_DB_|DB_TOKEN_KEY|TURSO_|SIGNING_KEYS|OPERATOR_TOKEN|PUBLIC_URL|MAIL_)/.test(
          key,
        ),
    ),
  );
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["cli/bin/tandem.mjs", ...args],
      {
        cwd: repoRoot,
        env: { ...env, DATA_DIR: dir, USER: "ops-test", ...extraEnv },
        timeout: 20_000,
      },
      (error, out, err) => {
        const code = error ? error.code : 0;
        if (typeof code !== "number") reject(error);
        else resolve({ code, out, err, dir });
      },
    );
  });
}

describe.concurrent("CLI: tenant create --admin-email", { timeout: 60_000 }, () => {
  it("prints the invitation link, and the dev mailbox holds the same link", async ({ expect }) => {
    const run = await tandem(
      ...["tenant", "create", "--slug", "acme", "--name", "Acme University"],
      ...["--kind", "university", "--admin-email", "Boss@Acme.example"],
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^created acme +university +active /);
    expect(lines[1]).toMatch(/^links open on http:\/\/localhost:\d+ /);
    expect(lines[2]).toBe(
      "invited boss@acme.example as the first admin of acme; the link (valid 7 days) was emailed:",
    );
    const link = lines[3]!;
    expect(link).toMatch(/^http:\/\/localhost:\d+\/o\/acme\/accept#token=[\w-]{43}$/);

    const [mail] = new DevMailbox(join(run.dir, "mailbox.jsonl")).list({ to: "boss@acme.example" });
    expect(mail!.text).toContain(link);

    const db = createClient({ url: `file:${join(run.dir, "tenants", "acme.db")}` });
    try {
      const inv = await db.execute("SELECT role, invited_by, token_hash FROM invitations");
      expect(inv.rows).toEqual([
        expect.objectContaining({
          role: "admin",
          invited_by: null,
          token_hash: await hashToken(tokenIn(link)),
        }),
      ]);
      const audit = await db.execute("SELECT actor_type, detail FROM audit_log");
      expect(audit.rows[0]).toMatchObject({ actor_type: "system" });
      expect(JSON.parse(String(audit.rows[0]!.detail))).toMatchObject({ operator: "cli:ops-test" });
    } finally {
      db.close();
    }
  });

  it("with a malformed --admin-email exits 1 and creates no tenant", async ({ expect }) => {
    const run = await tandem(
      ...["tenant", "create", "--slug", "acme", "--name", "Acme", "--kind", "company"],
      ...["--admin-email", "not-an-address"],
    );
    expect(run.code).toBe(1);
    expect(run.err).toBe("error: --admin-email: Enter a valid email address.\n");
    expect(existsSync(join(run.dir, "tenants", "acme.db"))).toBe(false);
  });

  it("--json prints the tenant with its invitation", async ({ expect }) => {
    const run = await tandem(
      ...["tenant", "create", "--slug", "jsonco", "--name", "Json Co", "--kind", "company"],
      ...["--admin-email", "a@json.example", "--json"],
    );
    expect(run.code).toBe(0);
    const body = JSON.parse(run.out) as { slug: string; invitation: { email: string } };
    expect(body).toMatchObject({ slug: "jsonco", invitation: { email: "a@json.example" } });
  });

  it("invite-admin without --admin-email exits 2 with the usage", async ({ expect }) => {
    const run = await tandem("tenant", "invite-admin", "--slug", "acme");
    expect(run.code).toBe(2);
    expect(run.err).toContain("missing --admin-email");
    expect(run.err).toContain("tenant invite-admin --slug <slug> --admin-email <email>");
  });

  it("invite-admin invites an admin of an existing tenant", async ({ expect }) => {
    const dir = newDataDir();
    const create = ["tenant", "create", "--slug", "later", "--name", "Later", "--kind", "other"];
    expect((await tandemIn(dir, {}, ...create)).code).toBe(0);
    const run = await tandemIn(
      dir,
      {},
      ...["tenant", "invite-admin", "--slug", "later", "--admin-email", "chief@later.example"],
    );
    expect(run.code).toBe(0);
    const link = run.out.split("\n").find((line) => line.includes("/accept#token="))!;
    expect(link).toMatch(/\/o\/later\/accept#token=/);
    const [mail] = new DevMailbox(join(dir, "mailbox.jsonl")).list({ to: "chief@later.example" });
    expect(mail!.text).toContain(link);
  });

  it("when the email cannot be sent yet, the invitation stands and its email waits", async ({
    expect,
  }) => {
    const dir = newDataDir();
    // A configured provider nobody listens on: sending fails, as in an outage.
    const provider = {
      MAIL_API_URL: "http://127.0.0.1:9/emails",
      MAIL_API_KEY: "test-key",
      MAIL_FROM: "Tandem <no-reply@tandem.test>",
    };
    const run = await tandemIn(
      dir,
      provider,
      ...["tenant", "create", "--slug", "outage", "--name", "Outage", "--kind", "company"],
      ...["--admin-email", "boss@outage.example"],
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^created outage /);
    expect(lines[2]).toBe(
      "invited boss@outage.example as the first admin of outage; the link (valid 7 days) could " +
        "not be emailed yet; the email is retried by the scheduler's next sweeps:",
    );
    expect(lines[3]).toMatch(/\/o\/outage\/accept#token=/);
    const db = createClient({ url: `file:${join(dir, "tenants", "outage.db")}` });
    try {
      expect((await db.execute("SELECT id FROM invitations")).rows).toHaveLength(1);
      const queued = await db.execute("SELECT recipient, status, attempts, last_error FROM outbox");
      expect(queued.rows).toEqual([
        expect.objectContaining({
          recipient: "boss@outage.example",
          status: "pending",
          attempts: 1,
        }),
      ]);
      expect(String(queued.rows[0]!.last_error)).toMatch(
        /^The email provider could not be reached/,
      );
    } finally {
      db.close();
    }
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, members, outbox } from "../../../db/tenant/schema";
import { DevMailbox } from "../../../host/dev-mailbox";
import { parseInvitationCsv } from "../../../workers/shared/src/contracts/members";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { MailNotSent } from "../../../workers/shared/src/platform/mail";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function mailbox(): DevMailbox {
  if (!(h.platform.mail instanceof DevMailbox)) throw new Error("expected the dev mailbox");
  return h.platform.mail;
}

async function org(slug: string): Promise<{ token: string; db: TenantDb }> {
  await h.createTenant(slug);
  const token = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
  const db = await h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
  return { token, db };
}

const bulk = (token: string, body: unknown) =>
  h.request("/v1/members/invitations/bulk", {
    method: "POST",
    token,
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

interface BulkBody {
  created: { email: string; role: string }[];
  errors: { row: number; field: string; message: string }[];
}

/** Row 2 malformed, row 3 repeats row 1, row 4 is the admin already in the organization. */
const mixedRows = [
  { email: "one@example.org", role: "admin" },
  { email: "nope" },
  { email: "ONE@example.org" },
  { email: "admin-1@members.test" },
  { email: "five@example.org", displayName: "Five" },
];

const invitedEmails = async (db: TenantDb) =>
  (await db.select().from(members).where(eq(members.status, "invited"))).map((m) => m.email);

describe("POST /v1/members/invitations/bulk", () => {
  it("all_or_nothing with any bad row is 400 listing each by path, and creates nothing", async () => {
    const { token, db } = await org("bulk-strict");
    const problem = await expectProblem(
      await bulk(token, { rows: mixedRows, mode: "all_or_nothing" }),
      400,
      "validation",
    );
    expect(problem.errors).toEqual([
      { field: "rows.1.email", message: "Enter a valid email address." },
      { field: "rows.2.email", message: "This address is already in row 1." },
      {
        field: "rows.3.email",
        message: "admin-1@members.test is already a member of this organization.",
      },
    ]);
    expect(problem.detail).toMatch(/^Nothing was created\. Row 2: /);
    expect(await db.select().from(invitations)).toEqual([]);
    expect(await invitedEmails(db)).toEqual([]);
    await h.deliver();
    expect(mailbox().list({ to: "one@example.org" })).toEqual([]);
  });

  it("all_or_nothing with only good rows invites everyone", async () => {
    const { token, db } = await org("bulk-clean");
    const rows = [{ email: "a@clean.example" }, { email: "b@clean.example", role: "admin" }];
    const res = await bulk(token, { rows, mode: "all_or_nothing" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as BulkBody;
    expect(body.errors).toEqual([]);
    expect(body.created.map((c) => [c.email, c.role])).toEqual([
      ["a@clean.example", "member"],
      ["b@clean.example", "admin"],
    ]);
    expect((await invitedEmails(db)).sort()).toEqual(["a@clean.example", "b@clean.example"]);
    await h.deliver();
    for (const { email } of rows) expect(mailbox().list({ to: email })).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "member.invite"));
    expect(audits.map((a) => a.detail.email).sort()).toEqual([
      "a@clean.example",
      "b@clean.example",
    ]);
    expect(audits.every((a) => a.detail.bulk === true && a.actorId === "admin-1")).toBe(true);
  });

  it("valid_only invites the good rows and reports the others by row number", async () => {
    const { token, db } = await org("bulk-lenient");
    const res = await bulk(token, { rows: mixedRows, mode: "valid_only" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as BulkBody;
    expect(body.created.map((c) => c.email)).toEqual(["one@example.org", "five@example.org"]);
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "email"],
      [3, "email"],
      [4, "email"],
    ]);
    expect((await invitedEmails(db)).sort()).toEqual(["five@example.org", "one@example.org"]);
    const [five] = await db.select().from(members).where(eq(members.email, "five@example.org"));
    expect(five!.displayName).toBe("Five");
    await h.deliver();
    expect(mailbox().list({ to: "five@example.org" })).toHaveLength(1);
  });

  it("takes rows parsed from a CSV file by the shared parser", async () => {
    const { token, db } = await org("bulk-csv");
    const csv = 'email,role,display_name\nx@csv.example,admin,"Xu, Li"\ny@csv.example,,\n';
    const { rows, errors } = parseInvitationCsv(csv);
    expect(errors).toEqual([]);
    const res = await bulk(token, { rows, mode: "all_or_nothing" });
    expect(res.status).toBe(200);
    const [x] = await db.select().from(members).where(eq(members.email, "x@csv.example"));
    expect(x).toMatchObject({ role: "admin", displayName: "Xu, Li", status: "invited" });
  });

  it("invites 500 people in one call", async () => {
    const { token, db } = await org("bulk-full");
    const rows = Array.from({ length: 500 }, (_, i) => ({ email: `p${i}@full.example` }));
    const res = await bulk(token, { rows, mode: "all_or_nothing" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as BulkBody).created).toHaveLength(500);
    expect(await db.$count(invitations)).toBe(500);
    expect(await db.$count(auditLog, eq(auditLog.action, "member.invite"))).toBe(500);
    await h.deliver();
    expect(mailbox().list({ to: "p499@full.example" })).toHaveLength(1);
  });

  it("refuses more than 500 rows, an unknown mode and an empty list", async () => {
    const { token } = await org("bulk-limits");
    const rows = Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@example.org` }));
    const tooMany = await expectProblem(
      await bulk(token, { rows, mode: "valid_only" }),
      400,
      "validation",
    );
    expect(tooMany.errors).toEqual([{ field: "rows", message: "rows may hold at most 500 rows." }]);
    const odd = await expectProblem(
      await bulk(token, { rows: [], mode: "some" }),
      400,
      "validation",
    );
    expect(odd.errors.map((e) => e.field).sort()).toEqual(["mode", "rows"]);
  });

  it("a mail failure part-way undoes nothing: every invitation stands, its email retried", async () => {
    const { token, db } = await org("bulk-mailfail");
    const real = h.platform.mail;
    h.platform.mail = {
      async send(message, options) {
        if (message.to === "m2@fail.example") {
          throw new MailNotSent("The email provider refused the message (500).", false);
        }
        await real.send(message, options);
      },
    };
    try {
      const rows = Array.from({ length: 6 }, (_, i) => ({ email: `m${i}@fail.example` }));
      expect((await bulk(token, { rows, mode: "valid_only" })).status).toBe(200);
      await h.deliver();
    } finally {
      h.platform.mail = real;
    }
    expect(await db.$count(invitations)).toBe(6);
    expect(await invitedEmails(db)).toHaveLength(6);
    expect(await db.$count(auditLog, eq(auditLog.action, "member.invite"))).toBe(6);
    const rows = await db.select().from(outbox);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(5);
    expect(rows.filter((r) => r.status === "pending").map((r) => r.recipient)).toEqual([
      "m2@fail.example",
    ]);
    for (let i = 0; i < 6; i++) {
      expect(mailbox().list({ to: `m${i}@fail.example` })).toHaveLength(i === 2 ? 0 : 1);
    }
  });

  it("is 403 for a plain member", async () => {
    await org("bulk-member");
    const token = await h.tokenFor("bulk-member", { memberId: "plain", role: "member" });
    await expectProblem(
      await bulk(token, { rows: [{ email: "z@example.org" }], mode: "valid_only" }),
      403,
      "forbidden",
    );
  });
});

import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, members, notifications, outbox } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import { deliverTenant, sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { seal } from "../../../workers/shared/src/platform/seal";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { insertProgram, pairSince, person } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { programsOrg, sendJson } from "../../support/programs-fixtures";

// Reminder emails in HTML with a one-click preferences link, and what a member's preferences
// do to the sweep. Default rules: the first check-in opens on day 30, 2030-03-02 for a match
// begun on 2030-01-31.
const slug = "links-org";
const began = new Date("2030-01-31T09:00:00Z");
const start = new Date("2030-03-02T09:00:00Z");
const clock = { now: start };
const byLink = `/v1/orgs/${slug}/notification-preferences/by-link`;
let h: Harness;
let db: TenantDb;
let tenantId: string;
let matchId: string;
let token: string;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug, "Acme & Sons"));
  await programsOrg(h, "links-other");
  tenantId = (await findTenantBySlug(h.platform.control, slug)).id;
  await person(h, db, slug, "ivy", "Ivy");
  await person(h, db, slug, "zoe", 'Zoë <Zed> & "Co"');
  const programId = await insertProgram(db, {
    rules: { reminders: { channels: ["email", "in_app"] } },
  });
  matchId = await pairSince(db, {
    programId,
    mentorId: "ivy",
    menteeId: "zoe",
    activatedAt: began,
  });
});
afterAll(() => h.close());

const sweep = () => sweepTenant(h.platform, { tenantId, tick: clock.now.toISOString() });
const mailTo = (who: string) => (h.platform.mail as DevMailbox).list({ to: `${who}@members.test` });
const withToken = (t: string) => ({ "tandem-link-token": t });
const linkRequest = (
  method: string,
  headers: Record<string, string>,
  body?: unknown,
  path = byLink,
) =>
  h.request(path, {
    method,
    headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe("reminder emails and preferences", () => {
  it("a member who keeps only in-app reminders gets a notification and no email", async () => {
    const ivy = await h.tokenFor(slug, { memberId: "ivy" });
    const saved = await sendJson(h, "PUT", "/v1/me/notification-preferences", ivy, {
      channels: ["in_app"],
    });
    expect(saved.status).toBe(200);

    await sweep();
    await deliverTenant(h.platform, tenantId);

    const emails = await db
      .select({ recipient: outbox.recipient })
      .from(outbox)
      .where(like(outbox.key, `reminder:check_in_due:${matchId}:%`));
    expect(emails).toEqual([{ recipient: "zoe@members.test" }]);
    expect(mailTo("ivy")).toEqual([]);
    const bell = await db
      .select({ memberId: notifications.memberId })
      .from(notifications)
      .where(like(notifications.key, `reminder:check_in_due:${matchId}:%`));
    expect(bell.map((n) => n.memberId).sort()).toEqual(["ivy", "zoe"]);
  });

  it("sends HTML with the escaped name, one button to the check-in and the preferences link", async () => {
    const [mail, ...more] = mailTo("zoe").filter(
      (m) => m.subject === "A check-in is open in Spring mentoring",
    );
    expect(more).toEqual([]);
    const html = mail!.html!;
    expect(html).toContain("Hi Zoë &lt;Zed&gt; &amp; &quot;Co&quot;,");
    expect(html).not.toContain("<Zed>");
    expect(html).toContain("on behalf of Acme &amp; Sons");
    const check = `http://tandem.test/o/${slug}/matches/${matchId}#check-ins`;
    expect(html).toContain(`<a href="${check}"`);
    expect(html).toContain(">Answer the check-in</a>");
    const prefs = html.match(
      /href="(http:\/\/tandem\.test\/o\/links-org\/notification-preferences#token=[^"]+)"/,
    );
    expect(prefs).not.toBeNull();
    expect(html).toContain(">Change how Tandem reminds you</a>");
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(prefs![1]).toMatch(/#token=v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(mail!.text).toContain(`Change how Tandem reminds you: ${prefs![1]}`);
    token = decodeURIComponent(new URL(prefs![1]!).hash.slice("#token=".length));
  });

  it("the link's token opens and changes that member's preferences, without signing in", async () => {
    const read = await linkRequest("GET", withToken(token));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ channels: ["email", "in_app"], chosen: false });

    const res = await linkRequest("PUT", withToken(token), { channels: ["in_app"] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ channels: ["in_app"], chosen: true });
    const zoe = await sendJson(
      h,
      "GET",
      "/v1/me/notification-preferences",
      await h.tokenFor(slug, { memberId: "zoe" }),
    );
    expect(await zoe.json()).toMatchObject({ channels: ["in_app"] });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "notification_preferences.update"), eq(auditLog.subjectId, "zoe")),
      );
    expect(audit).toMatchObject({ detail: { channels: ["in_app"], via: "email link" } });

    await expectProblem(
      await linkRequest("PUT", withToken(token), { channels: [] }),
      400,
      "validation",
    );
  });

  it("refuses a missing, forged or other organization's token with 401", async () => {
    await expectProblem(await linkRequest("GET", {}), 401, "unauthorized");
    await expectProblem(
      await linkRequest("PUT", {}, { channels: ["email"], token }),
      401,
      "unauthorized",
    );
    const [version, iv, cipher] = token.split(".");
    const flipped = `${cipher![0] === "A" ? "B" : "A"}${cipher!.slice(1)}`;
    for (const forged of [`${version}.${iv}.${flipped}`, "v1.nope.nope", "x".repeat(43)]) {
      await expectProblem(await linkRequest("GET", withToken(forged)), 401, "unauthorized");
    }
    const elsewhere = "/v1/orgs/links-other/notification-preferences/by-link";
    await expectProblem(
      await linkRequest("GET", withToken(token), undefined, elsewhere),
      401,
      "unauthorized",
    );
  });

  it("refuses a token sealed for another purpose, and is no credential anywhere else", async () => {
    const other = (
      await seal(
        h.platform.sealKey,
        JSON.stringify({ purpose: "calendar", slug, memberId: "zoe", expiresAt: Date.now() * 2 }),
      )
    )
      .replaceAll("+", "-")
      .replaceAll("/", "_");
    await expectProblem(await linkRequest("GET", withToken(other)), 401, "unauthorized");
    for (const path of ["/v1/me", "/v1/me/notification-preferences", "/v1/me/notifications"]) {
      await expectProblem(await h.request(path, { token }), 401, "unauthorized");
    }
  });

  it("stops working for a deactivated member, and after 90 days", async () => {
    await db.update(members).set({ status: "deactivated" }).where(eq(members.id, "zoe"));
    await expectProblem(await linkRequest("GET", withToken(token)), 401, "unauthorized");
    await db.update(members).set({ status: "active" }).where(eq(members.id, "zoe"));

    clock.now = new Date(start.getTime() + 89 * 86_400_000);
    expect((await linkRequest("GET", withToken(token))).status).toBe(200);
    clock.now = new Date(start.getTime() + 90 * 86_400_000);
    const expired = await expectProblem(
      await linkRequest("GET", withToken(token)),
      401,
      "unauthorized",
    );
    expect(expired.detail).toContain("expired");
    clock.now = start;
  });
});

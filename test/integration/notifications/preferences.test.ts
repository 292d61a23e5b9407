import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notificationPreferences } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { integrationClient } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import {
  insertEnrollment,
  insertProgram,
  programsOrg,
  sendJson,
} from "../../support/programs-fixtures";

// A signed-in member chooses how reminders reach them; each program says which channels it uses.
const clock = { now: new Date("2030-05-01T12:00:00Z") };
const path = "/v1/me/notification-preferences";
let h: Harness;
let db: TenantDb;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, "prefs-org"));
  await programsOrg(h, "prefs-other");
  await h.tokenFor("prefs-org", { memberId: "ana" });
  const emailOnly = await insertProgram(db, {
    name: "Alumni circle",
    rules: { reminders: { channels: ["email", "webhook"] } },
  });
  const both = await insertProgram(db, {
    name: "Buddy program",
    rules: { reminders: { channels: ["email", "in_app"] } },
  });
  const left = await insertProgram(db, { name: "Left long ago" });
  await insertEnrollment(db, { programId: emailOnly, memberId: "ana", status: "approved" });
  await insertEnrollment(db, { programId: both, memberId: "ana", status: "approved" });
  await insertEnrollment(db, { programId: left, memberId: "ana", status: "withdrawn" });
});
afterAll(() => h.close());

const ana = async (method: string, body?: unknown, slug = "prefs-org") =>
  sendJson(h, method, path, await h.tokenFor(slug, { memberId: "ana" }), body);

describe("a member's reminder preferences", () => {
  it("start as every channel, and say what each of the member's programs reminds by", async () => {
    const res = await ana("GET");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      channels: ["email", "in_app"],
      chosen: false,
      programs: [
        { id: expect.any(String), name: "Alumni circle", channels: ["email"] },
        { id: expect.any(String), name: "Buddy program", channels: ["email", "in_app"] },
      ],
    });
  });

  it("keeps the channels chosen, and audits the change", async () => {
    const res = await ana("PUT", { channels: ["in_app"] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ channels: ["in_app"], chosen: true });
    expect(await (await ana("GET")).json()).toMatchObject({ channels: ["in_app"], chosen: true });
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "notification_preferences.update"), eq(auditLog.subjectId, "ana")),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "member",
      actorId: "ana",
      detail: { channels: ["in_app"], via: "account" },
    });
  });

  it("refuses no channel, an unknown one or a repeat with a plain 400, changing nothing", async () => {
    const none = await expectProblem(await ana("PUT", { channels: [] }), 400, "validation");
    expect(JSON.stringify(none.errors)).toContain("Keep at least one way to be reminded");
    for (const channels of [["sms"], ["webhook"], ["email", "email"], "email", null]) {
      await expectProblem(await ana("PUT", { channels }), 400, "validation");
    }
    await expectProblem(await ana("PUT", {}), 400, "validation");
    const [kept] = await db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.memberId, "ana"));
    expect(kept!.channels).toEqual(["in_app"]);
  });

  it("belong to one organization: the same member id elsewhere still has the default", async () => {
    await h.tokenFor("prefs-other", { memberId: "ana" });
    const res = await ana("GET", undefined, "prefs-other");
    expect(await res.json()).toEqual({
      channels: ["email", "in_app"],
      chosen: false,
      programs: [],
    });
  });

  it("are for members: an integration gets 403", async () => {
    const client = await integrationClient(h, "prefs-org", ["members:write"], () => clock.now);
    const token = await client();
    await expectProblem(
      await sendJson(h, "PUT", path, token, { channels: ["email"] }),
      403,
      "forbidden",
    );
  });
});

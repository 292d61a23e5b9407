import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outbox, programCoordinators } from "../../../db/tenant/schema";
import type { ReminderItem } from "../../../workers/shared/src/contracts/reminders";
import { clientScopes } from "../../../workers/shared/src/contracts/scopes";
import { clientToken, person } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { programsOrg, sendJson } from "../../support/programs-fixtures";
import { slug, startViewWorld, type ViewWorld } from "./fixture";

let w: ViewWorld;
beforeAll(async () => {
  w = await startViewWorld();
});
afterAll(() => w.close());

const retryPath = (key: string, programId = w.programId) =>
  `/v1/programs/${programId}/reminders/${encodeURIComponent(key)}/retry`;
const retry = (key: string, token = w.admin, programId = w.programId) =>
  sendJson(w.h, "POST", retryPath(key, programId), token);
const failedTo = async (memberId: string, rule: string) => {
  const { items } = await w.list("failed");
  const item = items.find((i) => i.recipient.memberId === memberId && i.rule === rule);
  if (!item) throw new Error(`no failed ${rule} reminder to ${memberId}`);
  return item;
};
const emailOf = async (key: string) =>
  (
    await w.db
      .select()
      .from(outbox)
      .where(eq(outbox.key, `reminder:${key}`))
  )[0]!;

describe("sending a failed reminder again", () => {
  it("re-queues its email, records who did it, and the email goes out", async () => {
    const failed = await failedTo("tom", "check_in_due");
    const res = await retry(failed.key);
    expect(res.status).toBe(200);
    expect((await res.json()) as ReminderItem).toMatchObject({
      key: failed.key,
      status: "waiting",
      attempts: 0,
      nextAttemptAt: w.clock.now.toISOString(),
      recipient: { memberId: "tom", displayName: "Tom" },
    });
    const [entry] = await w.db.select().from(auditLog).where(eq(auditLog.action, "reminder.retry"));
    expect(entry).toMatchObject({ actorType: "member", actorId: "coord", subjectId: failed.key });
    expect(entry!.detail).toMatchObject({ programId: w.programId, rule: "check_in_due" });

    await w.h.deliver();
    const toTom = w.provider.accepted().filter((r) => r.body.to === "tom@members.test");
    expect(toTom.map((r) => r.body.subject)).toEqual(["A check-in is open in Spring mentoring"]);
    const sent = await w.list("sent");
    expect(sent.items.map((i) => i.key)).toEqual([failed.key]);
    expect(sent.items[0]).toMatchObject({ status: "sent", sentAt: w.clock.now.toISOString() });
    expect((await w.list("failed")).items.map((i) => i.key)).not.toContain(failed.key);
  });

  it("works for a coordinator's escalation, whose key holds a slash", async () => {
    const failed = await failedTo("coord", "escalation");
    expect(failed.key).toContain("/");
    const res = await retry(failed.key);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ key: failed.key, status: "waiting" });
    await w.h.deliver();
    expect(await emailOf(failed.key)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("refuses one that has not failed with 409, and changes nothing", async () => {
    const { items } = await w.list("waiting");
    const waiting = items[0]!;
    const before = await emailOf(waiting.key);
    await expectProblem(await retry(waiting.key), 409, "conflict");
    expect(await emailOf(waiting.key)).toEqual(before);
    const inApp = await sendJson(
      w.h,
      "GET",
      `/v1/programs/${w.inAppProgramId}/reminders?view=sent`,
      w.admin,
    );
    const [shown] = ((await inApp.json()) as { items: ReminderItem[] }).items;
    const refused = await expectProblem(
      await retry(shown!.key, w.admin, w.inAppProgramId),
      409,
      "conflict",
    );
    expect(refused.detail).toBe("Only a failed reminder can be sent again; this one is sent.");
  });

  it("answers 404 for a key the program does not have, another program's included", async () => {
    await expectProblem(await retry("check_in_due:nope:nobody:1"), 404, "not_found");
    const other = await sendJson(
      w.h,
      "GET",
      `/v1/programs/${w.inAppProgramId}/reminders?view=sent`,
      w.admin,
    );
    const [theirs] = ((await other.json()) as { items: ReminderItem[] }).items;
    await expectProblem(await retry(theirs!.key), 404, "not_found");
  });
});

describe("who may see and retry a program's reminders", () => {
  it("once a program has named coordinators, only they do", async () => {
    await person(w.h, w.db, slug, "kim", "Kim", "UTC", "admin");
    await w.db
      .insert(programCoordinators)
      .values({ programId: w.programId, memberId: "kim", createdAt: w.clock.now });
    const kim = await w.h.tokenFor(slug, { memberId: "kim", role: "admin" });
    expect((await w.list("failed", kim)).items.length).toBeGreaterThan(0);

    const list = await sendJson(w.h, "GET", `/v1/programs/${w.programId}/reminders`, w.admin);
    await expectProblem(list, 403, "forbidden");
    const mia = (await w.list("failed", kim)).items.find((i) => i.recipient.memberId === "mia");
    await expectProblem(await retry(mia!.key), 403, "forbidden");
    expect(await emailOf(mia!.key)).toMatchObject({ status: "dead" });
    await w.db.delete(programCoordinators).where(eq(programCoordinators.memberId, "kim"));
  });

  it("a plain member and an integration holding every scope are refused", async () => {
    const mia = await failedTo("mia", "check_in_due");
    const member = await w.h.tokenFor(slug, { memberId: "mia", role: "member" });
    const client = await clientToken(w.h, slug, [...clientScopes], w.clock.now);
    const client2 = await clientToken(w.h, slug, [...clientScopes], w.clock.now);
    await expectProblem(
      await sendJson(w.h, "GET", `/v1/programs/${w.programId}/reminders`, member),
      403,
      "forbidden",
    );
    await expectProblem(await retry(mia.key, member), 403, "forbidden");
    const refused = await expectProblem(
      await sendJson(w.h, "GET", `/v1/programs/${w.programId}/reminders`, client),
      403,
      "forbidden",
    );
    expect(refused.detail).toContain("Integrations cannot see or retry a program's reminders");
    await expectProblem(await retry(mia.key, client2), 403, "forbidden");
    expect(await emailOf(mia.key)).toMatchObject({ status: "dead" });
  });

  it("another organization's admin finds neither the program nor its reminders", async () => {
    const { admin: stranger } = await programsOrg(w.h, "elsewhere");
    const mia = await failedTo("mia", "check_in_due");
    await expectProblem(
      await sendJson(w.h, "GET", `/v1/programs/${w.programId}/reminders?view=failed`, stranger),
      404,
      "not_found",
    );
    await expectProblem(await retry(mia.key, stranger), 404, "not_found");
    expect(await emailOf(mia.key)).toMatchObject({ status: "dead" });
  });
});

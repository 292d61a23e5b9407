import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, reminderLog } from "../../../db/tenant/schema";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { AddedWebhookTarget } from "../../../workers/shared/src/contracts/webhooks";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { insertProgram, pairSince, person } from "../../support/pair-fixtures";
import { programsOrg, sendJson } from "../../support/programs-fixtures";
import {
  startWebhookSink,
  verifiesWith,
  type WebhookSink,
} from "../../support/reminders/webhook-sink";

// A pair begun 2030-01-31 whose first check-in (open from day 30) nobody answered: by
// mid-April it is overdue long enough to be escalated to the coordinators.
const slug = "webhook-reminders";
const began = new Date("2030-01-31T09:00:00Z");
const clock = { now: new Date("2030-04-20T10:00:00Z") };
let h: Harness;
let db: TenantDb;
let admin: string;
let tenantId: string;
let sink: WebhookSink;
let active: AddedWebhookTarget;

async function addTarget(name: string, url: string) {
  const res = await sendJson(h, "POST", "/v1/webhook-targets", admin, { name, url });
  expect(res.status).toBe(201);
  return (await res.json()) as AddedWebhookTarget;
}

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now, env: { WEBHOOK_ALLOW_LOCAL: "true" } });
  sink = await startWebhookSink();
  ({ db, admin } = await programsOrg(h, slug));
  tenantId = (await findTenantBySlug(h.platform.control, slug)).id;
  await person(h, db, slug, "mia", "Mia", "UTC");
  await person(h, db, slug, "tom", "Tom", "UTC");
  await person(h, db, slug, "ada", "Ada", "UTC", "admin");
  active = await addTarget("Coordinators", sink.url);
  const disabled = await addTarget("Old channel", `${sink.url}-old`);
  await sendJson(h, "PATCH", `/v1/webhook-targets/${disabled.id}`, admin, { status: "disabled" });
});
afterAll(async () => {
  await h.close();
  await sink.close();
});

const sweep = () => sweepTenant(h.platform, { tenantId, tick: clock.now.toISOString() });

describe("coordinator reminders on the webhook channel", () => {
  it("posts each escalation once to each active target, however often and concurrently the sweep runs", async () => {
    const programId = await insertProgram(db, {
      name: "Engineering circle",
      rules: { reminders: { channels: ["email", "webhook"] } } as never,
    });
    const matchId = await pairSince(db, {
      programId,
      mentorId: "mia",
      menteeId: "tom",
      activatedAt: began,
    });

    await sweep();
    await Promise.all([sweep(), sweep()]);
    await sweep();
    await h.deliver();

    const forCoordinators = await db
      .select({ key: reminderLog.key, rule: reminderLog.rule, text: reminderLog.text })
      .from(reminderLog)
      .where(like(reminderLog.key, `%:${matchId}:coordinators:%`));
    const escalations = forCoordinators.filter((r) => r.rule === "escalation");
    expect(escalations.length).toBeGreaterThan(0);
    // One reminder row per coordinator (coord, ada), one post per reminder.
    const reminderKeys = [
      ...new Set(forCoordinators.map((r) => r.key.replace(/:(coord|ada)$/, ""))),
    ];
    const posts = await db
      .select({ key: outbox.key, recipient: outbox.recipient, status: outbox.status })
      .from(outbox)
      .where(like(outbox.key, "%:webhook:%"));
    expect(posts.map((p) => p.key).sort()).toEqual(
      reminderKeys.map((k) => `reminder:${k}:webhook:${active.id}`).sort(),
    );
    expect(posts.every((p) => p.recipient === active.id && p.status === "sent")).toBe(true);

    expect(sink.accepted()).toHaveLength(reminderKeys.length);
    expect(sink.posts.every((p) => p.replay === false)).toBe(true);
    const escalation = sink.posts.find((p) =>
      String(p.headers["webhook-id"]).startsWith("reminder:escalation:"),
    )!;
    expect(verifiesWith(active.secret, escalation)).toBe(true);
    expect(escalation.body.text).toMatch(/^A pair needs your attention in Engineering circle\n/);
    const postedKey = String(escalation.headers["webhook-id"]);
    const reminder = escalations.find((r) =>
      postedKey.startsWith(`reminder:${r.key.replace(/:(coord|ada)$/, "")}:`),
    );
    expect(escalation.body.text).toContain(reminder!.text);
    expect(escalation.body.text).toContain(
      `Open it in Tandem: http://tandem.test/o/${slug}/matches/${matchId}#health`,
    );
  });

  it("never posts members' own reminders, and nothing for programs without the webhook channel", async () => {
    const before = sink.posts.length;
    const emailOnly = await insertProgram(db, {
      rules: { reminders: { channels: ["email"] } } as never,
    });
    await pairSince(db, {
      programId: emailOnly,
      mentorId: "mia",
      menteeId: "tom",
      activatedAt: began,
    });
    await sweep();
    await h.deliver();
    expect(sink.posts.length).toBe(before);
    const posted = await db
      .select({ key: outbox.key })
      .from(outbox)
      .where(like(outbox.key, "%:webhook:%"));
    expect(posted.every((p) => p.key.includes(":coordinators:"))).toBe(true);
    // The members of the first pair were reminded by email all the same.
    const toMembers = await db
      .select({ key: outbox.key })
      .from(outbox)
      .where(like(outbox.key, "reminder:check_in_overdue:%"));
    expect(toMembers.length).toBeGreaterThan(0);
  });

  it("holds a post until the reminder's send time, outside the coordinators' quiet hours", async () => {
    await person(h, db, slug, "ivy", "Ivy", "UTC");
    await person(h, db, slug, "otto", "Otto", "UTC");
    const programId = await insertProgram(db, {
      rules: { reminders: { channels: ["webhook"] } } as never,
    });
    const matchId = await pairSince(db, {
      programId,
      mentorId: "ivy",
      menteeId: "otto",
      activatedAt: began,
    });
    const ofMatch = (p: { headers: Record<string, unknown> }) =>
      String(p.headers["webhook-id"]).includes(matchId);
    clock.now = new Date("2030-04-21T23:00:00Z");
    await sweep();
    await h.deliver();
    const held = await db
      .select({ status: outbox.status, nextAttemptAt: outbox.nextAttemptAt })
      .from(outbox)
      .where(like(outbox.key, `%:${matchId}:coordinators:%:webhook:%`));
    expect(held.length).toBeGreaterThan(0);
    for (const row of held) {
      expect(row).toEqual({ status: "pending", nextAttemptAt: new Date("2030-04-22T08:00:00Z") });
    }
    expect(sink.posts.filter(ofMatch)).toEqual([]);

    clock.now = new Date("2030-04-22T08:00:00Z");
    await sweep();
    await h.deliver();
    expect(sink.accepted().filter(ofMatch)).toHaveLength(held.length);
  });
});

import { feedback, meetings } from "../../../db/tenant/schema";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { RemindersPage } from "../../../workers/shared/src/contracts/reminders";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type MailProvider, startMailProvider } from "../../support/mail-provider";
import { type Harness, startHarness } from "../../support/node-harness";
import { insertProgram, pairSince, person } from "../../support/pair-fixtures";
import { programsOrg, sendJson } from "../../support/programs-fixtures";

// One organization whose reminders sweep has run once, at 09:00 UTC on 2 March 2030, against
// an email provider that refused everything it was sent then (400). Default rules: the first
// check-in opens that day; pairs meet every 14 days; quiet hours 21:00–08:00.
//
// - Mia (mentor) and Tom: a meeting on 5 March at 15:00 UTC, so a week ahead holds its
//   reminders (4 March, 15:00); their check-in emails failed.
// - Lena (Los Angeles, where it is 01:00) and Ned: Lena's reminders wait for 08:00 there
//   (16:00 UTC); Ned's failed, and so did the coordinator's escalation (no first meeting).
// - An in-app-only program: Ivy and Otto were told in the app, nothing emailed.
// Every pair did something on 1 March (a meeting planned, feedback given), so none is
// reminded of inactivity within the week.
export const slug = "reminder-view";
export const began = new Date("2030-01-31T09:00:00Z");
export const sweptAt = new Date("2030-03-02T09:00:00Z");
const lastActive = new Date("2030-03-01T12:00:00Z");

export interface ViewWorld {
  h: Harness;
  provider: MailProvider;
  clock: { now: Date };
  db: TenantDb;
  admin: string;
  programId: string;
  inAppProgramId: string;
  match: { miaTom: string; lenaNed: string; ivyOtto: string };
  sweep(): Promise<void>;
  list(view: string, token?: string, query?: string): Promise<RemindersPage>;
  close(): Promise<void>;
}

export async function startViewWorld(): Promise<ViewWorld> {
  const provider = await startMailProvider();
  const clock = { now: sweptAt };
  const h = await startHarness({ env: provider.env, now: () => clock.now });
  const { db, admin } = await programsOrg(h, slug);
  const tenantId = (await findTenantBySlug(h.platform.control, slug)).id;
  await person(h, db, slug, "coord", "Cora Coordinator");
  for (const [id, name] of [
    ["mia", "Mia"],
    ["tom", "Tom"],
    ["ned", "Ned"],
    ["ivy", "Ivy"],
    ["otto", "Otto"],
  ]) {
    await person(h, db, slug, id!, name!);
  }
  await person(h, db, slug, "lena", "Lena", "America/Los_Angeles");
  const programId = await insertProgram(db, { name: "Spring mentoring" });
  const inAppProgramId = await insertProgram(db, {
    name: "Buddy scheme",
    rules: { reminders: { channels: ["in_app"] } },
  });
  const miaTom = await pairSince(db, {
    programId,
    mentorId: "mia",
    menteeId: "tom",
    activatedAt: began,
  });
  await db.insert(meetings).values({
    id: "meeting-1",
    matchId: miaTom,
    status: "scheduled",
    startsAt: new Date("2030-03-05T15:00:00Z"),
    timeZone: "UTC",
    durationMinutes: 60,
    format: "video",
    agenda: [],
    proposedBy: "mia",
    createdAt: lastActive,
    updatedAt: lastActive,
  });
  const lenaNed = await pairSince(db, {
    programId,
    mentorId: "lena",
    menteeId: "ned",
    activatedAt: began,
  });
  const ivyOtto = await pairSince(db, {
    programId: inAppProgramId,
    mentorId: "ivy",
    menteeId: "otto",
    activatedAt: began,
  });
  for (const [matchId, authorId, recipientId] of [
    [lenaNed, "ned", "lena"],
    [ivyOtto, "otto", "ivy"],
  ] as const) {
    await db.insert(feedback).values({
      id: `feedback-${matchId}`,
      matchId,
      authorId,
      recipientId,
      answers: { workingWell: "Our talks.", support: "More of them." },
      createdAt: lastActive,
    });
  }
  const sweep = async () => {
    await sweepTenant(h.platform, { tenantId, tick: clock.now.toISOString() });
  };
  provider.script = Array(100).fill(400);
  await sweep();
  provider.script = [];
  return {
    h,
    provider,
    clock,
    db,
    admin,
    programId,
    inAppProgramId,
    match: { miaTom, lenaNed, ivyOtto },
    sweep,
    async list(view, token = admin, query = "") {
      const res = await sendJson(
        h,
        "GET",
        `/v1/programs/${programId}/reminders?view=${view}${query}`,
        token,
      );
      if (res.status !== 200) throw new Error(`${view}: ${res.status} ${await res.text()}`);
      return (await res.json()) as RemindersPage;
    },
    async close() {
      await h.close();
      await provider.close();
    },
  };
}

/** What a coordinator reads in a row: the rule, who, and the pair (by its mentee). */
export const gist = (page: RemindersPage) =>
  page.items
    .map((i) => `${i.ruleLabel} → ${i.recipient.displayName} (${i.pair?.mentee.displayName})`)
    .sort((a, b) => a.localeCompare(b));

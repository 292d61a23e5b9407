/**
 * One tenant's worth of mentoring for the reminders bench: 100 active pairs in two programs,
 * begun over the last six months, with the state reminders are decided from (agreements,
 * meetings held and planned, check-ins and answers, goals, commitments, coordinators'
 * contacts) at varied dates, so that on any day some reminders are due and most are not.
 * Seeded: the same seed gives the same organization.
 */
import * as v from "valibot";
import {
  agreementAcknowledgements,
  agreementVersions,
  checkInResponses,
  checkIns,
  commitments,
  goals,
  matches,
  matchParticipants,
  meetings,
  members,
  programs,
  supportContacts,
} from "../db/tenant/schema";
import { addDays, checkInPeriods, dayIn } from "../workers/shared/src/domain/check-in-periods";
import { applicationForm, programRules } from "../workers/shared/src/domain/program-rules";
import type { TenantDb } from "../workers/shared/src/platform/db";

const day = 24 * 60 * 60 * 1000;
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London"];

/** A small seeded generator (mulberry32): the bench's data must not change between runs. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

type Rows = Record<string, Record<string, unknown>[]>;

function person(rows: Rows, id: string, role: "admin" | "member", zone: string, now: Date) {
  rows.members!.push({
    id,
    email: `${id}@bench.example`,
    displayName: id,
    role,
    status: "active",
    timeZone: zone,
    createdAt: now,
    updatedAt: now,
  });
}

/** One pair's life so far, on the clock `now`. */
function pair(
  rows: Rows,
  i: number,
  programId: string,
  rand: ReturnType<typeof randomFrom>,
  now: Date,
) {
  const matchId = `mat_${i}`;
  const [mentor, mentee] = [`mentor-${i}`, `mentee-${i}`];
  const zone = zones[i % zones.length]!;
  person(rows, mentor, "member", zone, now);
  person(rows, mentee, "member", zones[(i + 1) % zones.length]!, now);
  const activatedAt = new Date(now.getTime() - (5 + rand.below(175)) * day - rand.below(day));
  const base = { programId, mode: "coordinator", reasons: [], createdAt: activatedAt };
  rows.matches!.push({ id: matchId, status: "active", ...base, updatedAt: now, activatedAt });
  rows.matchParticipants!.push(
    { matchId, memberId: mentor, role: "mentor", programId },
    { matchId, memberId: mentee, role: "mentee", programId },
  );
  const settled = rand.chance(0.85);
  if (rand.chance(0.95)) {
    const versionId = `agv_${i}`;
    const sections = { goals: { mentor: "Grow", mentee: "Learn" } };
    rows.agreementVersions!.push({
      id: versionId,
      matchId,
      version: 1,
      entries: sections,
      sections: {},
      changedBy: mentor,
      createdAt: new Date(activatedAt.getTime() + day),
    });
    for (const memberId of settled ? [mentor, mentee] : [mentor]) {
      rows.agreementAcknowledgements!.push({ versionId, memberId, at: activatedAt });
    }
  }
  // Meetings every two weeks or so; a third of the pairs stopped meeting a while ago.
  const lapsed = rand.chance(0.3) ? 20 + rand.below(30) : 0;
  for (
    let t = activatedAt.getTime() + 7 * day;
    t < now.getTime() - lapsed * day;
    t += (10 + rand.below(10)) * day
  ) {
    rows.meetings!.push(meeting(`mtg_${i}_${t}`, matchId, mentor, new Date(t), "held", now));
  }
  if (rand.chance(0.5)) {
    const at = new Date(now.getTime() + rand.below(10 * day) + 60 * 60 * 1000);
    rows.meetings!.push(meeting(`mtg_${i}_next`, matchId, mentee, at, "scheduled", now));
  }
  const rules = v.parse(programRules, {});
  for (const period of checkInPeriods(activatedAt, zone, rules.checkIns, now)) {
    const checkInId = `chk_${i}_${period.period}`;
    rows.checkIns!.push({ id: checkInId, matchId, ...period, createdAt: now });
    for (const memberId of [mentor, mentee]) {
      if (rand.chance(0.7)) {
        rows.checkInResponses!.push({
          checkInId,
          memberId,
          answers: {},
          submittedAt: now,
          updatedAt: now,
        });
      }
    }
  }
  for (let g = rand.below(4); g > 0; g--) {
    const createdAt = new Date(activatedAt.getTime() + rand.below(20) * day);
    const reviewed = rand.chance(0.6) ? new Date(now.getTime() - rand.below(40) * day) : null;
    rows.goals!.push({
      id: `goal_${i}_${g}`,
      matchId,
      title: "A goal",
      status: "active",
      lastReviewedAt: reviewed && reviewed > createdAt ? reviewed : null,
      createdBy: mentee,
      createdAt,
      updatedAt: now,
    });
  }
  for (let c = rand.below(5); c > 0; c--) {
    const owner = rand.chance(0.5) ? mentor : mentee;
    rows.commitments!.push({
      id: `com_${i}_${c}`,
      matchId,
      text: "Something to do",
      ownerId: owner,
      ownerRole: owner === mentor ? "mentor" : "mentee",
      dueOn: addDays(dayIn(now, "UTC"), rand.below(30) - 10),
      doneAt: rand.chance(0.4) ? now : null,
      createdBy: owner,
      createdAt: activatedAt,
      updatedAt: now,
    });
  }
  for (let s = rand.below(3); s > 0; s--) {
    rows.supportContacts!.push({
      id: `sup_${i}_${s}`,
      matchId,
      programId,
      coordinatorId: "coordinator-1",
      channel: "email",
      contactedOn: dayIn(new Date(now.getTime() - rand.below(60) * day), "UTC"),
      createdAt: now,
    });
  }
}

function meeting(
  id: string,
  matchId: string,
  by: string,
  startsAt: Date,
  status: string,
  now: Date,
) {
  return {
    id,
    matchId,
    status,
    startsAt,
    timeZone: "UTC",
    durationMinutes: 45,
    format: "video",
    agenda: [],
    proposedBy: by,
    createdAt: now,
    updatedAt: now,
  };
}

const tables = {
  members,
  programs,
  matches,
  matchParticipants,
  agreementVersions,
  agreementAcknowledgements,
  meetings,
  checkIns,
  checkInResponses,
  goals,
  commitments,
  supportContacts,
};

/** Writes one organization: two coordinators, two programs, `pairs` active pairs. */
export async function seedTenant(db: TenantDb, seed: number, now: Date, pairs = 100) {
  const rand = randomFrom(seed);
  const rows: Rows = Object.fromEntries(Object.keys(tables).map((k) => [k, []]));
  for (const id of ["coordinator-1", "coordinator-2"]) person(rows, id, "admin", "UTC", now);
  for (const id of ["prg_a", "prg_b"]) {
    rows.programs!.push({
      id,
      name: id === "prg_a" ? "Spring mentoring" : "New starters",
      status: "open",
      rules: v.parse(programRules, {}),
      applicationForm: v.parse(applicationForm, { profileFields: {}, questions: [] }),
      createdAt: now,
      updatedAt: now,
    });
  }
  for (let i = 0; i < pairs; i++) pair(rows, i, i % 3 === 0 ? "prg_b" : "prg_a", rand, now);
  for (const [name, table] of Object.entries(tables)) {
    const all = rows[name]!;
    for (let k = 0; k < all.length; k += 100) {
      // biome-ignore lint/suspicious/noExplicitAny: rows are built per table above
      await db.insert(table).values(all.slice(k, k + 100) as any);
    }
  }
}

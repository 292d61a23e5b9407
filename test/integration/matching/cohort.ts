import { eq } from "drizzle-orm";
import { memberProfiles, members } from "../../../db/tenant/schema";
import type { MatchRunView } from "../../../workers/shared/src/contracts/matches";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../../support/node-harness";
import { insertEnrollment, insertProgram, sendJson } from "../../support/programs-fixtures";

// A program and its people, written straight into the tenant database for the matching tests.

export interface Person {
  id: string;
  role: "mentor" | "mentee";
  interests?: string[];
  languages?: string[];
  timeZone?: string;
  reportsTo?: string;
  /** The enrollment's status; approved unless given. */
  status?: "approved" | "withdrawn";
}

/** Interests carry the score, languages can be made a must, one place per mentor by default. */
export const rulesWith = (matching: Record<string, unknown> = {}) => ({
  matching: {
    criteria: [{ field: "interests", weight: 6 }],
    hardConstraints: { noReportingLine: true },
    mentorCapacity: 1,
    ...matching,
  },
});

/** "r1-ana" → "Ana": ids carry a test's prefix, names read like people's. */
export const nameOf = (id: string) => {
  const name = id.slice(id.lastIndexOf("-") + 1);
  return name.charAt(0).toUpperCase() + name.slice(1);
};

export async function addPeople(db: TenantDb, programId: string, people: Person[]) {
  const now = new Date();
  for (const p of people) {
    await db
      .insert(members)
      .values({
        id: p.id,
        email: `${p.id}@members.test`,
        displayName: nameOf(p.id),
        role: "member",
        status: "active",
        timeZone: p.timeZone ?? "Europe/Berlin",
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    await db
      .insert(memberProfiles)
      .values({
        memberId: p.id,
        interests: p.interests ?? [],
        skills: [],
        languages: p.languages ?? ["English"],
        reportsTo: p.reportsTo ?? null,
        updatedAt: now,
      })
      .onConflictDoNothing();
    await insertEnrollment(db, {
      programId,
      memberId: p.id,
      role: p.role,
      status: p.status ?? "approved",
    });
  }
}

/** A program with these rules and people (ids prefixed per test, so no member is shared). */
export async function programWith(
  db: TenantDb,
  rules: unknown,
  people: Person[],
  over: { name?: string } = {},
) {
  const programId = await insertProgram(db, { rules, ...over });
  await addPeople(db, programId, people);
  return programId;
}

export const deactivate = (db: TenantDb, id: string) =>
  db.update(members).set({ status: "deactivated" }).where(eq(members.id, id));

/** The matching API of one program, as the coordinator whose token is given. */
export function matchingApi(h: Harness, token: string, programId: string) {
  const base = `/v1/programs/${programId}/matching`;
  const send = (method: string, path: string, body?: unknown) =>
    sendJson(h, method, `${base}${path}`, token, body);
  return {
    send,
    async run(objective: "total" | "balanced" = "total"): Promise<MatchRunView> {
      const res = await send("POST", "/runs", { objective });
      if (res.status !== 201) throw new Error(`run: ${res.status} ${await res.text()}`);
      return (await res.json()) as MatchRunView;
    },
  };
}

/** A run's proposals as "mentor-mentee" strings, sorted. */
export const pairsOf = (run: MatchRunView) =>
  run.proposals
    .map((m) => {
      const mentor = m.participants.find((p) => p.role === "mentor")?.memberId;
      const mentee = m.participants.find((p) => p.role === "mentee")?.memberId;
      return `${mentor}-${mentee}`;
    })
    .sort();

import { eq } from "drizzle-orm";
import { members } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type { MeetingView } from "../../../workers/shared/src/contracts/relationship/meetings";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { enrollApproved, insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { integrationClient } from "../../support/pair-fixtures";
import { insertProgram, programsOrg, sendJson } from "../../support/programs-fixtures";

// An organization on a clock the test moves, with people in different time zones: Mia mentors
// from Berlin, Tom is mentored from Toronto, Cora coordinates from London.

export interface MeetingsWorld {
  h: Harness;
  db: TenantDb;
  clock: { now: Date };
  slug: string;
  /** A fresh token for a member: the clock moves past a token's 15 minutes. */
  as(memberId: string): Promise<string>;
  send(method: string, path: string, memberId: string, body?: unknown): Promise<Response>;
  /** A pair of Mia and Tom in a new program with these rules. */
  pair(rules?: unknown): Promise<{ programId: string; matchId: string }>;
  schedule(matchId: string, body: Record<string, unknown>, by?: string): Promise<MeetingView>;
  mailbox(): DevMailbox;
}

export const zones = { mia: "Europe/Berlin", tom: "America/Toronto", coord: "Europe/London" };

export async function meetingsWorld(slug: string, start: string): Promise<MeetingsWorld> {
  const clock = { now: new Date(start) };
  const h = await startHarness({ now: () => clock.now });
  const { db } = await programsOrg(h, slug);
  const as = (memberId: string) =>
    h.tokenFor(slug, { memberId, role: memberId === "coord" ? "admin" : "member" });
  for (const id of ["mia", "tom", "ula"]) await as(id);
  const names = { mia: "Mia Mentor", tom: "Tom Mentee", coord: "Cora Coordinator" };
  for (const [id, displayName] of Object.entries(names)) {
    const timeZone = zones[id as keyof typeof zones];
    await db.update(members).set({ displayName, timeZone }).where(eq(members.id, id));
  }
  const send = async (method: string, path: string, memberId: string, body?: unknown) =>
    sendJson(h, method, path, await as(memberId), body);
  return {
    h,
    db,
    clock,
    slug,
    as,
    send,
    async pair(rules = {}) {
      const programId = await insertProgram(db, { name: "Speaking circle", rules });
      await enrollApproved(db, programId, "mia", "mentor");
      await enrollApproved(db, programId, "tom", "mentee");
      const matchId = await insertMatchRow(db, { programId, mentorId: "mia", menteeId: "tom" });
      return { programId, matchId };
    },
    async schedule(matchId, body, by = "tom") {
      const res = await send("POST", `/v1/matches/${matchId}/meetings`, by, body);
      if (res.status !== 201) throw new Error(`${res.status}: ${await res.text()}`);
      return (await res.json()) as MeetingView;
    },
    mailbox: () => h.platform.mail as DevMailbox,
  };
}

/** An integration client of the organization holding `scopes`, and assertions it signs. */
export const integration = (world: MeetingsWorld, scopes: string[]) =>
  integrationClient(world.h, world.slug, scopes, () => world.clock.now);

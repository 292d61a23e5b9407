import { inArray } from "drizzle-orm";
import { members } from "../../../../../db/tenant/schema";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { Pair } from "../pairs";

export interface PairPerson {
  memberId: string;
  role: "mentor" | "mentee";
  displayName: string;
  timeZone: string;
}

/** The pair's two people, mentor first, with the names and time zones their days are in. */
export async function pairPeople(
  db: Pick<TenantDb, "select">,
  pair: Pick<Pair, "mentorId" | "menteeId">,
): Promise<{ mentor: PairPerson; mentee: PairPerson }> {
  const rows = await db
    .select({ id: members.id, displayName: members.displayName, timeZone: members.timeZone })
    .from(members)
    .where(inArray(members.id, [pair.mentorId, pair.menteeId]));
  const person = (memberId: string, role: PairPerson["role"]): PairPerson => {
    const row = rows.find((r) => r.id === memberId);
    return {
      memberId,
      role,
      displayName: row?.displayName ?? "",
      timeZone: row?.timeZone ?? "UTC",
    };
  };
  return { mentor: person(pair.mentorId, "mentor"), mentee: person(pair.menteeId, "mentee") };
}

import { and, asc, eq, inArray } from "drizzle-orm";
import {
  members,
  notificationPreferences,
  programCoordinators,
} from "../../../../db/tenant/schema";
import type { ReminderChannel } from "../domain/program-rules";
import type { TenantDb } from "../platform/db";

type Reader = Pick<TenantDb, "select">;

/** Someone a reminder goes to, with the channels they keep (null: whatever the program uses). */
export interface Contact {
  id: string;
  displayName: string;
  email: string;
  timeZone: string;
  kept: ReminderChannel[] | null;
}

const contactColumns = {
  id: members.id,
  displayName: members.displayName,
  email: members.email,
  timeZone: members.timeZone,
  kept: notificationPreferences.channels,
};

const keptOn = eq(notificationPreferences.memberId, members.id);

/** Active members by id; a deactivated member is not reminded. */
export async function contactsById(db: Reader, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Contact>();
  const rows = await db
    .select(contactColumns)
    .from(members)
    .leftJoin(notificationPreferences, keptOn)
    .where(and(inArray(members.id, [...ids]), eq(members.status, "active")));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A program's coordinators: those named for it, or, where none is named, every active admin
 * (as the API decides who reads a program's pairs).
 */
export async function coordinatorsOf(db: Reader, programId: string): Promise<Contact[]> {
  const named = await db
    .select(contactColumns)
    .from(programCoordinators)
    .innerJoin(members, eq(members.id, programCoordinators.memberId))
    .leftJoin(notificationPreferences, keptOn)
    .where(and(eq(programCoordinators.programId, programId), eq(members.status, "active")))
    .orderBy(asc(members.id));
  if (named.length > 0) return named;
  return db
    .select(contactColumns)
    .from(members)
    .leftJoin(notificationPreferences, keptOn)
    .where(and(eq(members.role, "admin"), eq(members.status, "active")))
    .orderBy(asc(members.id));
}

/** `coordinatorsOf`, read once per program for the length of one sweep. */
export function coordinatorsFor(db: Reader): (programId: string) => Promise<Contact[]> {
  const read = new Map<string, Promise<Contact[]>>();
  return (programId) => {
    let found = read.get(programId);
    if (!found) {
      found = coordinatorsOf(db, programId);
      read.set(programId, found);
    }
    return found;
  };
}

import { eq } from "drizzle-orm";
import { members } from "../../../../../db/tenant/schema";
import type { TenantDb } from "../../../../shared/src/platform/db";

/** A pair's days are the mentee's, as for check-ins and the health signal. */
export async function menteeTimeZone(db: Pick<TenantDb, "select">, menteeId: string) {
  const [row] = await db
    .select({ timeZone: members.timeZone })
    .from(members)
    .where(eq(members.id, menteeId));
  return row?.timeZone ?? "UTC";
}

import { asc, eq } from "drizzle-orm";
import { members, refreshTokens } from "../../../db/tenant/schema";
import type { RouteCtx, Target } from "../security";

// Helpers more than one feature's table uses.

export async function memberState({ org }: Pick<RouteCtx, "org">, id: string) {
  const [member] = await org.db.select().from(members).where(eq(members.id, id));
  const sessions = await org.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.memberId, id))
    .orderBy(asc(refreshTokens.id));
  return { member: member ?? null, sessions };
}

export const bodyOf = (target: Target) => target.body as Record<string, unknown>;

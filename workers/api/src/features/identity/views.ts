import { eq } from "drizzle-orm";
import type { Tenant } from "../../../../../db/control/schema";
import { type Member, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MeView } from "../../../../shared/src/contracts/me";
import type { TenantDb } from "../../../../shared/src/platform/db";

export function meView(member: Member, tenant: Pick<Tenant, "slug" | "name">): MeView {
  return {
    id: member.id,
    email: member.email,
    displayName: member.displayName,
    role: member.role,
    status: member.status,
    timeZone: member.timeZone,
    organization: { slug: tenant.slug, name: tenant.name },
  };
}

/** The member behind a verified token; one removed since the token was issued is a 401. */
export async function loadMember(db: TenantDb, memberId: string): Promise<Member> {
  const [member] = await db.select().from(members).where(eq(members.id, memberId));
  if (!member) throw new AppError("unauthorized", "This account no longer exists.");
  return member;
}

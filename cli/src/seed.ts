import { members } from "../../db/tenant/schema";
import { AppError } from "../../workers/shared/src/contracts/common/errors";
import type { TenantSummary } from "../../workers/shared/src/contracts/operator";
import { TenantConnections } from "../../workers/shared/src/platform/tenant-connections";
import {
  createTenant,
  findTenantBySlug,
  type OperatorCtx,
} from "../../workers/shared/src/tenancy/tenants";

const demoMembers = [
  { email: "coordinator@demo.example", displayName: "Casey Coordinator", role: "admin" },
  { email: "maya.mentor@demo.example", displayName: "Maya Okafor", role: "member" },
  { email: "liam.mentee@demo.example", displayName: "Liam Chen", role: "member" },
  { email: "sofia.mentee@demo.example", displayName: "Sofía Ramírez", role: "member" },
] as const;

/** A demo organization to click around in; running it again changes nothing. */
export async function seedDemo(ctx: OperatorCtx): Promise<string> {
  let tenant: Pick<TenantSummary, "slug">;
  try {
    tenant = await createTenant(ctx, { slug: "demo", name: "Demo University", kind: "university" });
  } catch (err) {
    if (!(err instanceof AppError && err.code === "conflict")) throw err;
    tenant = await findTenantBySlug(ctx.control, "demo");
  }
  const connections = new TenantConnections(ctx.connect, ctx.sealKey);
  try {
    const db = await connections.db(await findTenantBySlug(ctx.control, tenant.slug));
    const now = ctx.now();
    await db
      .insert(members)
      .values(
        demoMembers.map((m) => ({
          id: crypto.randomUUID(),
          ...m,
          status: "active" as const,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: members.email });
  } finally {
    connections.closeAll();
  }
  return `demo tenant "${tenant.slug}" ready with ${demoMembers.length} members`;
}

/**
 * Child side of `npm run bench:bulk`: the real Node host (with its in-process scheduler, which
 * delivers the outbox as `npm start` does) and `tenants` organizations, each with one admin.
 * Sends `{ type: "ready", url, tokens }`, one admin token per organization, and exits when the
 * parent disconnects.
 */
import { members } from "../db/tenant/schema";
import { startHost } from "../host/server";
import { signAccessToken } from "../workers/shared/src/security/access-tokens";
import { createTenant, findTenantBySlug } from "../workers/shared/src/tenancy/tenants";

const [dataDir, count] = [process.argv[2]!, Number(process.argv[3])];
const host = await startHost({ port: 0, dataDir, scheduler: true, env: {} });
const stop = () => host.close().finally(() => process.exit(0));
process.on("disconnect", stop);
process.on("SIGTERM", stop);
const { platform } = host;
const tokens: string[] = [];
for (let i = 0; i < count; i++) {
  const slug = `bulk-bench-${i}`;
  await createTenant({ ...platform, actor: "bench" }, { slug, name: slug, kind: "company" });
  const tenant = await findTenantBySlug(platform.control, slug);
  const now = platform.now();
  const db = await platform.connections.db(tenant);
  await db.insert(members).values({
    id: "admin",
    email: `admin@${slug}.example`,
    displayName: "Bench Admin",
    role: "admin",
    status: "active",
    createdAt: now,
    updatedAt: now,
  });
  const claims = { memberId: "admin", tenantId: tenant.id, role: "admin" as const };
  tokens.push(await signAccessToken(platform.signingKeys, platform.tokenAudience, claims, now));
}
process.send?.({ type: "ready", url: host.url, tokens });

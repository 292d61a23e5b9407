import { eq } from "drizzle-orm";
import { outbox, webhookTargets } from "../../../db/tenant/schema";
import { seal } from "../../../workers/shared/src/platform/seal";
import { newWebhookSecret } from "../../../workers/shared/src/platform/webhook-signature";
import type { RouteCtx, RouteSpec, Target } from "../security";
import { bodyOf } from "./shared";

/** Security-suite rows of the webhook-target routes (/v1/webhook-targets). */

// `.invalid` never resolves: nothing the suite queues is ever posted anywhere.
const hookUrl = (ctx: RouteCtx) =>
  `https://hooks.invalid/services/${ctx.org.slug}/${ctx.env.unique("token")}`;

async function freshTarget(ctx: RouteCtx) {
  const { env, org } = ctx;
  const id = crypto.randomUUID();
  const sealKey = env.h.platform.sealKey;
  await org.db.insert(webhookTargets).values({
    id,
    name: `${org.slug} ${env.unique("channel")}`,
    urlSealed: await seal(sealKey, hookUrl(ctx)),
    secretSealed: await seal(sealKey, newWebhookSecret()),
    status: "active",
    createdBy: org.admin.id,
    createdAt: env.clock.now,
    updatedAt: env.clock.now,
  });
  return { targetId: id };
}

const targetRow = ({ org, params }: Target) =>
  org.db.select().from(webhookTargets).where(eq(webhookTargets.id, params.targetId!));

export const webhookRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/webhook-targets",
    caller: "admin",
    scope: null,
    success: 200,
    list: { paginated: true },
    prepare: freshTarget,
  },
  {
    method: "POST",
    path: "/v1/webhook-targets",
    caller: "admin",
    scope: null,
    success: 201,
    body: (ctx) => ({ name: `${ctx.org.slug} ${ctx.env.unique("channel")}`, url: hookUrl(ctx) }),
    snapshot: (t) =>
      t.org.db
        .select()
        .from(webhookTargets)
        .where(eq(webhookTargets.name, String(bodyOf(t).name))),
    invalidBodies: () => {
      const name = "Coordinators";
      return {
        "an http URL": { name, url: "http://hooks.example.com/services/x" },
        "a local URL": { name, url: "http://127.0.0.1:8080/hook" },
        "a URL inside the network": { name, url: "https://169.254.169.254/latest/meta-data" },
        "credentials in the URL": { name, url: "https://user:pw@hooks.example.com/x" },
        "another scheme": { name, url: "javascript:alert(1)" },
        "an over-long URL": { name, url: `https://hooks.example.com/${"a".repeat(2000)}` },
        "a blank name": { name: "   ", url: "https://hooks.example.com/services/x" },
      };
    },
  },
  {
    method: "PATCH",
    path: "/v1/webhook-targets/{targetId}",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: freshTarget,
    body: () => ({ status: "disabled" }),
    snapshot: targetRow,
    invalidBodies: () => ({
      "nothing to change": {},
      "an unknown status": { status: "paused" },
      "a blank name": { name: "" },
    }),
  },
  {
    method: "DELETE",
    path: "/v1/webhook-targets/{targetId}",
    caller: "admin",
    scope: null,
    success: 204,
    prepare: freshTarget,
    snapshot: targetRow,
  },
  {
    method: "POST",
    path: "/v1/webhook-targets/{targetId}/test",
    caller: "admin",
    scope: null,
    success: 201,
    prepare: freshTarget,
    snapshot: ({ org, params }) =>
      org.db.select().from(outbox).where(eq(outbox.recipient, params.targetId!)),
  },
];

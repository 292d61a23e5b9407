import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { webhookTargets } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type {
  AddedWebhookTarget,
  AddWebhookTargetInput,
  ChangeWebhookTargetInput,
  WebhookTargetView,
} from "../../../../shared/src/contracts/webhooks";
import { seal } from "../../../../shared/src/platform/seal";
import { newWebhookSecret } from "../../../../shared/src/platform/webhook-signature";
import { authorize } from "../../../../shared/src/security/actor";
import { invalidField } from "../../http/invalid-field";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { auditInsert } from "../audit";
import type { WebhooksCtx } from "./context";
import { webhookUrlProblem } from "./url";
import { type WebhookTargetRow, webhookTargetView } from "./views";

/** Newest first. */
export async function listWebhookTargets({
  ctx,
  input,
}: {
  ctx: WebhooksCtx;
  input: { limit: number; cursor?: string | undefined };
}): Promise<Page<WebhookTargetView>> {
  authorize(ctx.actor, "webhooks:manage");
  let before: SQL | undefined;
  if (input.cursor !== undefined) {
    const [ms, id] = decodeCursor(input.cursor, timeIdKey);
    const at = new Date(ms);
    before = or(
      lt(webhookTargets.createdAt, at),
      and(eq(webhookTargets.createdAt, at), lt(webhookTargets.id, id)),
    );
  }
  const rows = await ctx.db
    .select()
    .from(webhookTargets)
    .where(before)
    .orderBy(desc(webhookTargets.createdAt), desc(webhookTargets.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.createdAt.getTime(), last.id]);
  return {
    ...page,
    items: await Promise.all(page.items.map((row) => webhookTargetView(ctx.sealKey, row))),
  };
}

/** Adds a target, active at once; its signing secret is in this answer and never again. */
export async function addWebhookTarget({
  ctx,
  input,
}: {
  ctx: WebhooksCtx;
  input: AddWebhookTargetInput;
}): Promise<AddedWebhookTarget> {
  authorize(ctx.actor, "webhooks:manage");
  const problem = webhookUrlProblem(input.url, ctx.allowLocalUrls);
  if (problem) throw invalidField("url", problem);
  const secret = newWebhookSecret();
  const row: WebhookTargetRow = {
    id: crypto.randomUUID(),
    name: input.name,
    urlSealed: await seal(ctx.sealKey, input.url),
    secretSealed: await seal(ctx.sealKey, secret),
    status: "active",
    createdBy: ctx.actor.kind === "member" ? ctx.actor.memberId : null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const view = await webhookTargetView(ctx.sealKey, row);
  await ctx.db.batch([
    ctx.db.insert(webhookTargets).values(row),
    auditInsert(ctx, {
      action: "webhook_target.add",
      subjectType: "webhook_target",
      subjectId: row.id,
      // The masked URL only: the whole one is a credential.
      detail: { name: row.name, url: view.maskedUrl },
    }),
  ]);
  return { ...view, secret };
}

export async function findWebhookTarget(ctx: WebhooksCtx, id: string): Promise<WebhookTargetRow> {
  const [row] = await ctx.db.select().from(webhookTargets).where(eq(webhookTargets.id, id));
  if (!row) throw new AppError("not_found", `No webhook target has the id "${id}".`);
  return row;
}

/** Renames, disables or enables a target. Posts already waiting for a disabled one fail. */
export async function changeWebhookTarget({
  ctx,
  input,
}: {
  ctx: WebhooksCtx;
  input: ChangeWebhookTargetInput & { id: string };
}): Promise<WebhookTargetView> {
  authorize(ctx.actor, "webhooks:manage");
  const before = await findWebhookTarget(ctx, input.id);
  const change = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    updatedAt: ctx.now,
  };
  await ctx.db.batch([
    ctx.db.update(webhookTargets).set(change).where(eq(webhookTargets.id, before.id)),
    auditInsert(ctx, {
      action: "webhook_target.change",
      subjectType: "webhook_target",
      subjectId: before.id,
      detail: {
        before: { name: before.name, status: before.status },
        after: { name: change.name ?? before.name, status: change.status ?? before.status },
      },
    }),
  ]);
  return webhookTargetView(ctx.sealKey, { ...before, ...change });
}

/** Removes a target for good; posts still waiting for it fail with a plain reason. */
export async function removeWebhookTarget({
  ctx,
  input,
}: {
  ctx: WebhooksCtx;
  input: { id: string };
}): Promise<void> {
  authorize(ctx.actor, "webhooks:manage");
  const target = await findWebhookTarget(ctx, input.id);
  await ctx.db.batch([
    ctx.db.delete(webhookTargets).where(eq(webhookTargets.id, target.id)),
    auditInsert(ctx, {
      action: "webhook_target.remove",
      subjectType: "webhook_target",
      subjectId: target.id,
      detail: { name: target.name },
    }),
  ]);
}

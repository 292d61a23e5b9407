import { eq } from "drizzle-orm";
import { type SealedPayload, webhookTargets } from "../../../../db/tenant/schema";
import type { TenantDb } from "../../../shared/src/platform/db";
import { openWebhookPost, type WebhookPost } from "../../../shared/src/platform/outbox-payload";
import { unseal } from "../../../shared/src/platform/seal";
import { webhookSignatureHeaders } from "../../../shared/src/platform/webhook-signature";
import type { Failure } from "./retry";

export interface WebhookDeps {
  /** Opens the post, and the target's URL and secret. */
  sealKey: string;
  now: () => Date;
}

/** How long a chat tool may take to answer a post before it counts as failed. */
const timeoutMs = 10_000;

/**
 * Posts one claimed webhook row to its target, signed (Standard Webhooks) with the target's
 * secret: `{"text": …}`, which Slack's and Teams' incoming webhooks both accept. A target that
 * was deleted or disabled since the row was written ends it: the organization chose to stop.
 */
export async function postWebhook(
  deps: WebhookDeps,
  db: TenantDb,
  row: { key: string; payload: SealedPayload },
): Promise<Failure | null> {
  let post: WebhookPost;
  try {
    post = await openWebhookPost(deps.sealKey, row.payload);
  } catch {
    return { permanent: true, reason: "The stored message could not be opened." };
  }
  const [target] = await db
    .select()
    .from(webhookTargets)
    .where(eq(webhookTargets.id, post.targetId));
  if (!target) return { permanent: true, reason: "The webhook target was deleted." };
  if (target.status !== "active") {
    return { permanent: true, reason: "The webhook target is disabled." };
  }
  let url: string;
  let secret: string;
  try {
    url = await unseal(deps.sealKey, target.urlSealed);
    secret = await unseal(deps.sealKey, target.secretSealed);
  } catch {
    return { permanent: true, reason: "The webhook target's URL could not be opened." };
  }
  const body = JSON.stringify({ text: post.text });
  const signature = await webhookSignatureHeaders(secret, { id: row.key, at: deps.now(), body });
  return answerOf(() =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": row.key, ...signature },
      body,
      // A redirect could lead anywhere, including inside the network: it is an answer, not a hop.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    }),
  );
}

/** 2xx sent; the receiver's trouble, rate limits and no answer retried; other answers final. */
async function answerOf(call: () => Promise<Response>): Promise<Failure | null> {
  let res: Response;
  try {
    res = await call();
  } catch (err) {
    // Our own words only: a runtime's message could quote the URL, which is a secret.
    const timedOut = err instanceof Error && err.name === "TimeoutError";
    const reason = timedOut
      ? `The webhook did not answer within ${timeoutMs / 1000} s.`
      : "The webhook could not be reached.";
    return { permanent: false, reason };
  }
  // The body is the receiver's business: released unread.
  await res.body?.cancel();
  if (res.ok) return null;
  const transient = res.status >= 500 || [408, 409, 429].includes(res.status);
  return { permanent: !transient, reason: `The webhook refused the post (${res.status}).` };
}

import * as v from "valibot";
import type { SealedPayload } from "../../../../db/tenant/schema";
import type { MailMessage } from "./mail";
import { seal, unseal } from "./seal";

/**
 * How an outbox row carries its email: sealed with the platform's key when written (by the
 * API), opened when delivered (by the scheduler). What is opened is checked again, so a row
 * written by an older build or damaged at rest fails clearly instead of sending garbage.
 */
const mailMessage = v.object({
  to: v.pipe(v.string(), v.nonEmpty()),
  subject: v.string(),
  text: v.string(),
  html: v.optional(v.string()),
});

export async function sealMessage(sealKey: string, message: MailMessage): Promise<SealedPayload> {
  return { sealed: await seal(sealKey, JSON.stringify(message)) };
}

export async function openMessage(sealKey: string, payload: SealedPayload): Promise<MailMessage> {
  const parsed = v.safeParse(mailMessage, JSON.parse(await unseal(sealKey, payload.sealed)));
  if (!parsed.success) throw new Error("The sealed message is not an email.");
  return parsed.output;
}

/** A post to one of the organization's webhook targets: which one, and the text to post. */
export interface WebhookPost {
  targetId: string;
  text: string;
}

const webhookPost = v.object({
  targetId: v.pipe(v.string(), v.nonEmpty()),
  text: v.pipe(v.string(), v.nonEmpty()),
});

export async function sealWebhookPost(sealKey: string, post: WebhookPost): Promise<SealedPayload> {
  return { sealed: await seal(sealKey, JSON.stringify(post)) };
}

export async function openWebhookPost(
  sealKey: string,
  payload: SealedPayload,
): Promise<WebhookPost> {
  const parsed = v.safeParse(webhookPost, JSON.parse(await unseal(sealKey, payload.sealed)));
  if (!parsed.success) throw new Error("The sealed message is not a webhook post.");
  return parsed.output;
}

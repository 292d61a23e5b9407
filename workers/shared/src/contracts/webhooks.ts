import * as v from "valibot";
import { timestamp } from "./common/json";
import { page, pageQuery } from "./common/pagination";

/**
 * Webhook targets (/v1/webhook-targets): incoming webhooks of a chat tool (Slack, Teams) where
 * the organization's coordinator reminders are posted. The URL is a secret of its own (anyone
 * holding it can post), so it is never shown whole after it was entered.
 */

const name = v.pipe(
  v.string("Name is required."),
  v.trim(),
  v.minLength(1, "Name cannot be empty."),
  v.maxLength(100, "Name can be at most 100 characters."),
);

export const webhookTargetStatuses = ["active", "disabled"] as const;
export type WebhookTargetStatus = (typeof webhookTargetStatuses)[number];

export const addWebhookTargetInput = v.object({
  name,
  url: v.pipe(
    v.string("URL is required."),
    v.trim(),
    v.minLength(1, "URL cannot be empty."),
    v.maxLength(2000, "URL can be at most 2000 characters."),
  ),
});
export type AddWebhookTargetInput = v.InferOutput<typeof addWebhookTargetInput>;

export const changeWebhookTargetInput = v.pipe(
  v.object({
    name: v.optional(name),
    status: v.optional(v.picklist(webhookTargetStatuses, 'status must be "active" or "disabled".')),
  }),
  v.check(
    (input) => input.name !== undefined || input.status !== undefined,
    "Send a name, a status or both.",
  ),
);
export type ChangeWebhookTargetInput = v.InferOutput<typeof changeWebhookTargetInput>;

/** A target as admins see it: where it posts (host and a masked path), never the whole URL. */
export const webhookTargetView = v.object({
  id: v.string(),
  name: v.string(),
  /** `hooks.slack.com/services/T0…/••••` : enough to tell targets apart, not to post. */
  maskedUrl: v.string(),
  status: v.picklist(webhookTargetStatuses),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type WebhookTargetView = v.InferOutput<typeof webhookTargetView>;

/** The answer to adding one: the signing secret, shown this once. */
export const addedWebhookTarget = v.object({
  ...webhookTargetView.entries,
  /** Standard Webhooks style (`whsec_` + base64): receivers verify `webhook-signature` with it. */
  secret: v.string(),
});
export type AddedWebhookTarget = v.InferOutput<typeof addedWebhookTarget>;

export const webhookTargetQuery = pageQuery;
export const webhookTargetPage = page(webhookTargetView);

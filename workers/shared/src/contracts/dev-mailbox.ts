import * as v from "valibot";

/**
 * The Node host's dev mailbox (GET /dev/mailbox, local development only): the emails that
 * would have gone out, newest first. Not part of the API; the web client reads it.
 */
export const mailboxEntry = v.object({
  id: v.string(),
  sentAt: v.string(),
  to: v.string(),
  subject: v.string(),
  text: v.string(),
  html: v.optional(v.string()),
  /** The outbox's key for this email: a second send with it is accepted and dropped. */
  idempotencyKey: v.optional(v.string()),
});
export type MailboxEntry = v.InferOutput<typeof mailboxEntry>;
export const mailboxList = v.object({ items: v.array(mailboxEntry) });

/** One email. Links in it carry single-use tokens, so it is never logged whole. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SendOptions {
  /**
   * The same key for every attempt at the same email, so a provider that saw an attempt
   * succeed (even when its answer was lost) does not send it again.
   */
  idempotencyKey: string;
}

/**
 * A message the transport did not accept. `permanent` when sending it again cannot help (the
 * provider refused it as it is: a 4xx other than 429); otherwise a retry later may succeed.
 * The message is short and safe to store and show: a status, never the email or a key.
 */
export class MailNotSent extends Error {
  override name = "MailNotSent";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * How email leaves Tandem: an HTTP email-provider API in production (mail-http.ts), a dev
 * mailbox on the Node host (host/dev-mailbox.ts). Only the outbox's deliverer calls it.
 * Resolves once the message was accepted; otherwise throws, preferably a MailNotSent.
 */
export interface MailTransport {
  send(message: MailMessage, options: SendOptions): Promise<void>;
}

/** Names and subjects go into single lines of plain text: no line breaks smuggled in. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

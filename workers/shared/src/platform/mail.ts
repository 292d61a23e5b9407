/** One email. Links in it carry single-use tokens, so it is never logged whole. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * How email leaves Tandem: an HTTP email-provider API in production (mail-http.ts), a dev
 * mailbox on the Node host (host/dev-mailbox.ts). Throws when the message was not accepted.
 */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** Names and subjects go into single lines of plain text: no line breaks smuggled in. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

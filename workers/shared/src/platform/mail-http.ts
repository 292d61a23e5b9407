import { describeError } from "./log";
import { type MailMessage, MailNotSent, type MailTransport, type SendOptions } from "./mail";

export interface HttpMailConfig {
  /** The provider's send endpoint, e.g. https://api.resend.com/emails. */
  apiUrl: string;
  apiKey: string;
  from: string;
  fetch?: typeof fetch;
  /** How long one send may take before it counts as failed and is retried later. */
  timeoutMs?: number;
}

/**
 * Sends through an email provider's HTTP API with the JSON shape Resend, Postmark-style
 * gateways and most relays accept: { from, to, subject, text, html } (html only where the
 * message has it: reminders), bearer-authenticated, with an Idempotency-Key header (Resend keeps it 24 hours) so
 * a retry after a lost answer does not send twice.
 */
export class HttpMailTransport implements MailTransport {
  constructor(private readonly config: HttpMailConfig) {}

  async send(message: MailMessage, { idempotencyKey }: SendOptions): Promise<void> {
    const call = this.config.fetch ?? fetch;
    let res: Response;
    try {
      res = await call(this.config.apiUrl, {
        method: "POST",
        headers: {
          authorization: `Bearer ${this.config.apiKey}`,
          "content-type": "application/json",
          "idempotency-key": idempotencyKey,
        },
        body: JSON.stringify({ from: this.config.from, ...message }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 15_000),
      });
    } catch (err) {
      throw new MailNotSent(
        `The email provider could not be reached: ${describeError(err)}`,
        false,
      );
    }
    // The body may echo the message (links with tokens): it is never read, only released.
    await res.body?.cancel();
    if (res.ok) return;
    throw new MailNotSent(
      `The email provider refused the message (${res.status}).`,
      !transientStatuses.has(res.status) && res.status < 500,
    );
  }
}

/**
 * Worth another try: the provider's own trouble (5xx), rate limiting (429), a timeout (408)
 * and 409, which idempotent APIs answer while another request with the same key is still in
 * flight. Any other 4xx is about the message itself (a bad address, a refused sender) and
 * would fail the same way again.
 */
const transientStatuses = new Set([408, 409, 429]);

/** Where no email provider is configured: every send fails clearly instead of vanishing. */
export const unconfiguredMail: MailTransport = {
  async send() {
    // Not permanent: once the provider is configured, the waiting emails go out.
    throw new MailNotSent(
      "Email is not configured (MAIL_API_URL, MAIL_API_KEY, MAIL_FROM).",
      false,
    );
  },
};

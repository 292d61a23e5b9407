import { AppError } from "../contracts/errors";
import { describeError } from "./log";
import type { MailMessage, MailTransport } from "./mail";

export interface HttpMailConfig {
  /** The provider's send endpoint, e.g. https://api.resend.com/emails. */
  apiUrl: string;
  apiKey: string;
  from: string;
  fetch?: typeof fetch;
}

/**
 * Sends through an email provider's HTTP API with the JSON shape Resend, Postmark-style
 * gateways and most relays accept: { from, to, subject, text, html }, bearer-authenticated.
 */
export class HttpMailTransport implements MailTransport {
  constructor(private readonly config: HttpMailConfig) {}

  async send(message: MailMessage): Promise<void> {
    const call = this.config.fetch ?? fetch;
    let res: Response;
    try {
      res = await call(this.config.apiUrl, {
        method: "POST",
        headers: {
          authorization: `Bearer ${this.config.apiKey}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ from: this.config.from, ...message }),
      });
    } catch (err) {
      throw new AppError(
        "upstream_failed",
        `The email provider could not be reached: ${describeError(err)}`,
      );
    }
    if (!res.ok) {
      throw new AppError(
        "upstream_failed",
        `The email provider refused the message (${res.status}).`,
      );
    }
  }
}

/** Where no email provider is configured: every send fails clearly instead of vanishing. */
export const unconfiguredMail: MailTransport = {
  async send() {
    throw new AppError(
      "misconfigured",
      "Email is not configured (MAIL_API_URL, MAIL_API_KEY, MAIL_FROM).",
    );
  },
};

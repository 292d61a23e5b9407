import { appendFileSync, existsSync, readFileSync } from "node:fs";
import * as v from "valibot";
import { type MailboxEntry, mailboxEntry } from "../workers/shared/src/contracts/dev-mailbox";
import type { MailMessage, MailTransport } from "../workers/shared/src/platform/mail";

/**
 * The embedded default's email: messages are appended to DATA_DIR/mailbox.jsonl, where the
 * web client (/dev/mailbox) and `tandem mail list` read them. Nothing leaves the machine.
 */
export class DevMailbox implements MailTransport {
  constructor(readonly file: string) {}

  async send(message: MailMessage): Promise<void> {
    const entry: MailboxEntry = {
      id: crypto.randomUUID(),
      sentAt: new Date().toISOString(),
      ...message,
    };
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }

  /** Newest first, optionally only those sent to one address. */
  list(opts: { to?: string; limit?: number } = {}): MailboxEntry[] {
    if (!existsSync(this.file)) return [];
    const entries = readFileSync(this.file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => v.parse(mailboxEntry, JSON.parse(line)))
      .filter((e) => !opts.to || e.to.toLowerCase() === opts.to.toLowerCase())
      .reverse();
    return entries.slice(0, opts.limit ?? 50);
  }
}

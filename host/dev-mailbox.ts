import { appendFileSync, existsSync, readFileSync } from "node:fs";
import * as v from "valibot";
import { type MailboxEntry, mailboxEntry } from "../workers/shared/src/contracts/dev-mailbox";
import type { MailMessage, MailTransport, SendOptions } from "../workers/shared/src/platform/mail";

/**
 * The embedded default's email: messages are appended to DATA_DIR/mailbox.jsonl, where the
 * web client (/dev/mailbox) and `tandem mail list` read them. Nothing leaves the machine.
 * Like a provider honouring Idempotency-Key, it keeps one message per key.
 */
export class DevMailbox implements MailTransport {
  #keys: Set<string> | undefined;

  constructor(readonly file: string) {}

  async send(message: MailMessage, { idempotencyKey }: SendOptions): Promise<void> {
    // Read from the file once: the CLI and the host may share a data folder.
    this.#keys ??= new Set(this.#entries().flatMap((e) => e.idempotencyKey ?? []));
    if (this.#keys.has(idempotencyKey)) return;
    const entry: MailboxEntry = {
      id: crypto.randomUUID(),
      sentAt: new Date().toISOString(),
      ...message,
      idempotencyKey,
    };
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    this.#keys.add(idempotencyKey);
  }

  /** Newest first, optionally only those sent to one address. */
  list(opts: { to?: string; limit?: number } = {}): MailboxEntry[] {
    const entries = this.#entries()
      .filter((e) => !opts.to || e.to.toLowerCase() === opts.to.toLowerCase())
      .reverse();
    return entries.slice(0, opts.limit ?? 50);
  }

  #entries(): MailboxEntry[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => v.parse(mailboxEntry, JSON.parse(line)));
  }
}

import { outbox } from "../../../../db/tenant/schema";
import type { TenantDb } from "./db";
import type { MailMessage } from "./mail";
import { sealMessage, sealWebhookPost, type WebhookPost } from "./outbox-payload";
import { seal } from "./seal";

export interface OutboxDeps {
  /** Builds the statements; they run wherever the caller runs its change. */
  db: Pick<TenantDb, "insert">;
  /** When the cause happened: the row is due at once. */
  now: Date;
  /** The platform's seal key: payloads are sealed at rest. */
  sealKey: string;
  /** Told each time a row is built, so the request can ask for delivery once it answered. */
  onWrite?: () => void;
}

function insertRow(db: OutboxDeps["db"], row: typeof outbox.$inferInsert) {
  return db.insert(outbox).values(row).onConflictDoNothing({ target: outbox.key });
}

/** One outbox row as a statement not yet run. */
export type OutboxInsert = ReturnType<typeof insertRow>;

/**
 * Where a change records the side effects it causes. Nothing is sent here: each method
 * returns the row's insert for the caller to put in the SAME `db.batch([...])` as the change
 * (or to run with `tx.run(...)` inside its transaction), so both commit together or neither
 * does. The queue consumer delivers the row afterwards, with retries.
 *
 * The insert comes in a one-element array: drizzle statements are thenables, and a promise
 * cannot resolve to one without running it.
 *
 *   await ctx.db.batch([change, ...(await outbox.email(message, `invitation:${id}`))]);
 */
export interface Outbox {
  /**
   * An email. `key` names its cause deterministically (`invitation:<id>`,
   * `password-reset:<tokenId>`…): a second row with the same key is dropped, so a retried
   * request or cause never emails twice.
   */
  email(message: MailMessage, key: string, opts?: EmailOptions): Promise<[OutboxInsert]>;
  /**
   * A post to one of the organization's webhook targets (`post.targetId`, also the row's
   * recipient); `subject` is a short line for admins reading the deliveries. The text is
   * sealed like an email's body, and posted as `{"text": …}`.
   */
  webhook(
    post: WebhookPost,
    key: string,
    subject: string,
    opts?: EmailOptions,
  ): Promise<[OutboxInsert]>;
  /**
   * Seals a value with the key payloads are sealed with: a token a message's link carries
   * (a reminder's preferences link), which only the platform can open again.
   */
  seal(plaintext: string): Promise<string>;
}

export interface EmailOptions {
  /** Not delivered before this moment (a reminder held past quiet hours); default: at once. */
  notBefore?: Date;
}

export function createOutbox({ db, now, sealKey, onWrite }: OutboxDeps): Outbox {
  return {
    async email(message, key, opts) {
      onWrite?.();
      const payload = await sealMessage(sealKey, message);
      const insert = insertRow(db, {
        id: crypto.randomUUID(),
        key,
        channel: "email",
        // In clear so admins can see what failed; the body, with its links, is sealed.
        recipient: message.to,
        subject: message.subject,
        payload,
        status: "pending",
        attempts: 0,
        nextAttemptAt: opts?.notBefore ?? now,
        createdAt: now,
      });
      return [insert];
    },
    seal: (plaintext) => seal(sealKey, plaintext),
    async webhook(post, key, subject, opts) {
      onWrite?.();
      const insert = insertRow(db, {
        id: crypto.randomUUID(),
        key,
        channel: "webhook",
        recipient: post.targetId,
        subject: subject.slice(0, 200),
        payload: await sealWebhookPost(sealKey, post),
        status: "pending",
        attempts: 0,
        nextAttemptAt: opts?.notBefore ?? now,
        createdAt: now,
      });
      return [insert];
    },
  };
}

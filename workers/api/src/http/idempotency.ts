import { and, eq, lte } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { idempotentRequests } from "../../../../db/tenant/schema";
import { AppError } from "../../../shared/src/contracts/common/errors";
import { idempotencyWindowHours } from "../../../shared/src/contracts/common/idempotency";
import { auditActor } from "../../../shared/src/security/actor";
import type { AppEnv } from "./app-env";

const windowMs = idempotencyWindowHours * 60 * 60 * 1000;

/**
 * Builds the statement that stores a verb's answer. The verb puts it in the same batch as its
 * change, so the answer is kept exactly when the change committed; a verb that ends up
 * writing nothing does not call it.
 */
export type RememberAnswer<T> = (answer: T) => BatchItem<"sqlite">;

type Stored = typeof idempotentRequests.$inferSelect;

async function fingerprintOf(c: Context<AppEnv>): Promise<string> {
  const body: unknown = await c.req.json();
  const text = `${c.req.method} ${c.req.path}\n${JSON.stringify(body)}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function replay(c: Context<AppEnv>, stored: Stored, fingerprint: string): Response {
  if (stored.fingerprint !== fingerprint) {
    throw new AppError(
      "conflict",
      "This Idempotency-Key was already used for a different request; send a new key with a new request.",
    );
  }
  c.header("idempotent-replayed", "true");
  return c.json(stored.body as object, stored.status as 200);
}

/**
 * Runs a bulk write at most once per `Idempotency-Key` (per sender, for 24 hours): a retry
 * with the same body gets the first answer back, however the first attempt's answer was
 * lost. Without the header the write simply runs. Refusals are not kept: a caller fixes the
 * batch and resends it under the same key.
 */
export async function idempotent<T extends object>(
  c: Context<AppEnv>,
  status: 200 | 201,
  run: (remember?: RememberAnswer<T>) => Promise<T>,
): Promise<Response> {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return c.json(await run(undefined), status);
  const db = c.get("db");
  const now = c.get("platform").now();
  const { actorType, actorId } = auditActor(c.get("actor"));
  const owner = `${actorType}:${actorId}`;
  const mine = and(eq(idempotentRequests.owner, owner), eq(idempotentRequests.key, key));
  const fingerprint = await fingerprintOf(c);

  // An expired key is forgotten here too (the sweep may not have run yet), so it can be reused.
  await db.delete(idempotentRequests).where(and(mine, lte(idempotentRequests.expiresAt, now)));
  const find = async () => (await db.select().from(idempotentRequests).where(mine))[0];
  const earlier = await find();
  if (earlier) return replay(c, earlier, fingerprint);

  const remember: RememberAnswer<T> = (answer) =>
    db.insert(idempotentRequests).values({
      owner,
      key,
      fingerprint,
      status,
      body: answer,
      createdAt: now,
      expiresAt: new Date(now.getTime() + windowMs),
    });
  try {
    return c.json(await run(remember), status);
  } catch (err) {
    // The same batch sent twice at once: the one that lost the race answers as the winner did.
    const winner = await find().catch(() => undefined);
    if (winner) return replay(c, winner, fingerprint);
    throw err;
  }
}

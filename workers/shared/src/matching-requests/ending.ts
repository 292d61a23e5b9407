import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import { matches, matchParticipants, members, programs } from "../../../../db/tenant/schema";
import type { TenantDb } from "../platform/db";
import { createOutbox } from "../platform/outbox";
import { type RequestEnd, requestEndedEmail } from "./emails";
import {
  type Passed,
  type Program,
  type RequestDeps,
  requestAudit,
  sendNextRequest,
  type Tx,
} from "./requests";

/** A request waiting for its mentor's answer. */
export interface PendingRequest {
  id: string;
  choiceRank: number | null;
  mentorId: string;
  menteeId: string;
}

const endReasons = {
  declined: "Declined by the mentor",
  expired: "The mentor did not answer in time",
} as const satisfies Record<RequestEnd, string>;

/** Members' names and addresses by id. */
export async function contactsOf(db: Pick<TenantDb, "select">, ids: readonly string[]) {
  const rows = await db
    .select({ id: members.id, displayName: members.displayName, email: members.email })
    .from(members)
    .where(inArray(members.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Ends a pending request, declined by its mentor before its deadline or expired after it,
 * sends the mentee's request on to their next choice and tells the mentee, all in the caller's
 * transaction. The write is conditional, so a request ends once: null when it was no longer
 * pending (or, for a decline, already past its deadline).
 */
export async function endRequest(
  tx: Tx,
  deps: RequestDeps,
  program: Program,
  request: PendingRequest,
  end: RequestEnd,
): Promise<Passed | null> {
  const inWindow =
    end === "declined" ? gt(matches.expiresAt, deps.now) : lte(matches.expiresAt, deps.now);
  const ended = await tx
    .update(matches)
    .set({ status: end, endedAt: deps.now, endReason: endReasons[end], updatedAt: deps.now })
    .where(and(eq(matches.id, request.id), eq(matches.status, "pending_acceptance"), inWindow))
    .returning({ id: matches.id });
  if (ended.length === 0) return null;
  await requestAudit(tx, deps, end === "declined" ? "match.decline" : "match.expire", request.id, {
    programId: program.id,
    mentorId: request.mentorId,
    menteeId: request.menteeId,
  });
  const passed = await sendNextRequest(
    tx,
    deps,
    program,
    request.menteeId,
    request.choiceRank ?? Number.MAX_SAFE_INTEGER,
  );
  const people = await contactsOf(tx, [request.mentorId, request.menteeId]);
  const mentee = people.get(request.menteeId);
  if (mentee) {
    const [email] = await deps.outbox.email(
      requestEndedEmail({
        orgName: deps.orgName,
        programName: program.name,
        link: deps.programLink(program.id),
        mentee,
        mentorName: people.get(request.mentorId)?.displayName ?? "The mentor",
        end,
        skipped: passed.skipped,
        next: passed.next,
      }),
      `match-request-${end}:${request.id}`,
    );
    await tx.run(email);
  }
  return passed;
}

/** What the sweep knows of the tenant it works in. */
export interface SweepDeps {
  now: Date;
  sealKey: string;
  orgName: string;
  programLink: RequestDeps["programLink"];
}

/**
 * Every request past its deadline becomes expired, and its mentee's next choice is asked:
 * one transaction per request, each ending it only if it is still pending, so a sweep run
 * twice (or beside a mentor's late answer) changes and emails nothing twice.
 */
export async function expireLapsedRequests(db: TenantDb, deps: SweepDeps): Promise<number> {
  const lapsed = await db
    .select({ match: matches, memberId: matchParticipants.memberId, role: matchParticipants.role })
    .from(matches)
    .innerJoin(matchParticipants, eq(matchParticipants.matchId, matches.id))
    .where(and(eq(matches.status, "pending_acceptance"), lte(matches.expiresAt, deps.now)))
    .orderBy(asc(matches.expiresAt), asc(matches.id))
    .limit(1000);
  const requests = new Map<string, PendingRequest & { programId: string }>();
  for (const { match, memberId, role } of lapsed) {
    const r = requests.get(match.id) ?? {
      id: match.id,
      programId: match.programId,
      choiceRank: match.choiceRank,
      mentorId: "",
      menteeId: "",
    };
    if (role === "mentor") r.mentorId = memberId;
    else r.menteeId = memberId;
    requests.set(match.id, r);
  }
  let expired = 0;
  for (const request of requests.values()) {
    const done = await db.transaction(async (tx) => {
      const [program] = await tx.select().from(programs).where(eq(programs.id, request.programId));
      if (!program) return null;
      const outbox = createOutbox({ db: tx, now: deps.now, sealKey: deps.sealKey });
      return endRequest(tx, { ...deps, outbox, actor: null }, program, request, "expired");
    });
    if (done) expired++;
  }
  return expired;
}

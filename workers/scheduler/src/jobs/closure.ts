import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tenant } from "../../../../db/control/schema";
import {
  auditLog,
  matchClosures,
  matches,
  matchParticipants,
  members,
} from "../../../../db/tenant/schema";
import { plannedEndOf } from "../../../shared/src/domain/evaluation-schedule";
import type { TenantDb } from "../../../shared/src/platform/db";
import { orgLinks } from "../../../shared/src/platform/links";
import { type MailMessage, oneLine } from "../../../shared/src/platform/mail";
import { createOutbox } from "../../../shared/src/platform/outbox";
import { programsById } from "../../../shared/src/reminders-sweep";
import type { SchedulerDeps } from "../sweep";

interface WrapUpMail {
  to: { displayName: string; email: string };
  partnerName: string;
  orgName: string;
  programName: string;
  procedure: string;
  link: string;
}

/** Both of the pair hear that their planned time is up and how the program asks them to end. */
export function wrapUpEmail(m: WrapUpMail): MailMessage {
  const program = oneLine(m.programName);
  return {
    to: m.to.email,
    subject: `Time to wrap up your mentoring in ${program}`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      `Your time with ${oneLine(m.partnerName)} in ${program} has reached its planned end. ` +
        "Now is the moment to look back together and close it well.",
      `How the program suggests you wrap up: ${m.procedure}`,
      "When you are ready, either of you (or a coordinator) closes the match in Tandem.",
      `Open the program in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}

/**
 * Active matches whose planned time is up (their relationship length, or the program's end)
 * move to closing, and both of the pair are asked to wrap up. One transaction per match,
 * changing it only while it is still active, so a sweep run twice changes and emails once.
 */
export async function startPlannedClosures(
  deps: Pick<SchedulerDeps, "now" | "sealKey" | "publicUrl">,
  tenant: Tenant,
  db: TenantDb,
): Promise<number> {
  const now = deps.now();
  const rows = await db
    .select({ id: matches.id, activatedAt: matches.activatedAt, programId: matches.programId })
    .from(matches)
    .where(and(eq(matches.status, "active"), isNotNull(matches.activatedAt)));
  // Each program read once: its rules are parsed once, not once per pair.
  const programsOf = await programsById(
    db,
    rows.map((r) => r.programId),
  );
  const due = rows.flatMap((match) => {
    const program = programsOf.get(match.programId);
    const end = program ? plannedEndOf(program, match.activatedAt!) : null;
    return program && end !== null && end <= now ? [{ match, program }] : [];
  });
  const links = orgLinks(deps.publicUrl, tenant.slug);
  let started = 0;
  for (const { match, program } of due) {
    const done = await db.transaction(async (tx) => {
      const [moved] = await tx
        .update(matches)
        .set({ status: "closing", updatedAt: now })
        .where(and(eq(matches.id, match.id), eq(matches.status, "active")))
        .returning({ id: matches.id });
      if (!moved) return false;
      await tx
        .insert(matchClosures)
        .values({
          matchId: match.id,
          kind: "planned",
          reasonCode: "planned_end",
          initiatedBy: "system",
          checklist: {
            bothTold: true,
            exitSurveyOffered: false,
            procedureShown: true,
            contactPolicyShown: false,
          },
          startedAt: now,
        })
        .onConflictDoNothing();
      await tx.insert(auditLog).values({
        at: now,
        actorType: "system",
        actorId: null,
        action: "match.closing",
        subjectType: "match",
        subjectId: match.id,
        detail: { programId: program.id, from: "active", to: "closing" },
      });
      const people = await tx
        .select({
          id: members.id,
          email: members.email,
          displayName: members.displayName,
        })
        .from(matchParticipants)
        .innerJoin(members, eq(members.id, matchParticipants.memberId))
        .where(inArray(matchParticipants.matchId, [match.id]));
      const outbox = createOutbox({ db: tx, now, sealKey: deps.sealKey });
      for (const person of people) {
        const partner = people.find((p) => p.id !== person.id);
        const [email] = await outbox.email(
          wrapUpEmail({
            to: person,
            partnerName: partner?.displayName ?? "your partner",
            orgName: tenant.name,
            programName: program.name,
            procedure: program.rules.closure.plannedProcedure,
            link: links.program(program.id),
          }),
          `match-wrap-up:${match.id}:${person.id}`,
        );
        await tx.run(email);
      }
      return true;
    });
    if (done) started++;
  }
  return started;
}

import type { BatchItem } from "drizzle-orm/batch";
import { notifications, reminderLog } from "../../../../db/tenant/schema";
import type { ReminderChannel } from "../domain/program-rules";
import type { Reminder, ReminderRule } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import type { OrgLinks } from "../platform/links";
import type { Outbox } from "../platform/outbox";
import { preferenceLinkToken } from "../security/preference-links";
import { reminderEmail, reminderTitle } from "./emails";
import type { Contact } from "./recipients";

/** The workspace section each reminder takes its reader to: where the thing to do is. */
const sections: Record<Exclude<ReminderRule, ProgramRule | "request_expiring">, string> = {
  check_in_due: "check-ins",
  check_in_overdue: "check-ins",
  meeting_soon: "meetings",
  no_meeting_within_cadence: "meetings",
  agreement_pending: "agreement",
  goal_review_due: "goals",
  commitment_due: "commitments",
  contact_due: "support",
  evaluation_due: "evaluations",
  inactivity: "meetings",
  escalation: "health",
};

/** Reminders about a program rather than a pair, and the program page each opens. */
type ProgramRule = "training_pending" | "coordinator_digest";
const programPages: Record<ProgramRule, (links: OrgLinks, programId: string) => string> = {
  training_pending: (links) => links.myPrograms(),
  coordinator_digest: (links, programId) => links.programAttention(programId),
};
const isProgramRule = (rule: ReminderRule): rule is ProgramRule =>
  Object.hasOwn(programPages, rule);

/**
 * Where to act on a reminder: a program's page, a mentor's requests, or the pair's workspace
 * at the section.
 */
export function reminderLink(
  links: OrgLinks,
  rule: ReminderRule,
  matchId: string | null,
  programId = "",
) {
  if (isProgramRule(rule)) return programPages[rule](links, programId);
  if (rule === "request_expiring" || !matchId) return links.myMatches();
  return links.match(matchId, sections[rule]);
}

/**
 * The channels a person is reminded on: the program's personal channels (email, in-app) that
 * they keep. When they keep none of those the program uses, the program's choice stands: a
 * reminder is never lost to a preference the program no longer offers.
 */
export function channelsFor(
  program: readonly ReminderChannel[],
  kept: readonly ReminderChannel[] | null,
): ReminderChannel[] {
  const personal = program.filter((c) => c !== "webhook");
  const chosen = kept ? personal.filter((c) => kept.includes(c)) : personal;
  return chosen.length > 0 ? chosen : personal;
}

export interface ReminderDelivery {
  reminder: Reminder;
  to: Contact;
  /** The reminder's key for this person (the engine's, plus their id for coordinators). */
  key: string;
  channels: ReminderChannel[];
  program: { id: string; name: string };
  matchId: string | null;
  orgName: string;
  links: OrgLinks;
}

type Writer = Pick<TenantDb, "insert">;

/**
 * The statements that remind one person once: the reminder's row, its email in the outbox,
 * its notification. Each is keyed by the reminder, so writing them again adds nothing; the
 * caller runs them in one batch, so they commit together or not at all.
 */
export async function reminderWrites(
  db: Writer,
  outbox: Outbox,
  d: ReminderDelivery,
  now: Date,
): Promise<BatchItem<"sqlite">[]> {
  const link = reminderLink(d.links, d.reminder.rule, d.matchId, d.program.id);
  const { pathname, hash } = new URL(link);
  const statements: BatchItem<"sqlite">[] = [
    db
      .insert(reminderLog)
      .values({
        key: d.key,
        programId: d.program.id,
        matchId: d.matchId,
        rule: d.reminder.rule,
        recipientId: d.to.id,
        channels: d.channels,
        text: d.reminder.text,
        sendAt: d.reminder.sendAt,
        createdAt: now,
      })
      .onConflictDoNothing(),
  ];
  if (d.channels.includes("email")) {
    const message = reminderEmail({
      reminder: d.reminder,
      to: d.to,
      orgName: d.orgName,
      programName: d.program.name,
      link,
      preferencesLink: d.links.email(
        "notification-preferences",
        await preferenceLinkToken(outbox.seal, { slug: d.links.slug, memberId: d.to.id, now }),
      ),
    });
    statements.push(
      ...(await outbox.email(message, `reminder:${d.key}`, { notBefore: d.reminder.sendAt })),
    );
  }
  if (d.channels.includes("in_app")) {
    statements.push(
      db
        .insert(notifications)
        .values({
          id: crypto.randomUUID(),
          memberId: d.to.id,
          key: `reminder:${d.key}`,
          title: reminderTitle(d.reminder.rule),
          body: d.reminder.text,
          // A path, so the bell works wherever the web client is served from.
          link: pathname + hash,
          visibleFrom: d.reminder.sendAt,
          createdAt: now,
        })
        .onConflictDoNothing({ target: notifications.key }),
    );
  }
  return statements;
}

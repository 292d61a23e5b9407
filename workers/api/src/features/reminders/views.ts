import { inArray } from "drizzle-orm";
import { matchParticipants } from "../../../../../db/tenant/schema";
import type { ReminderItem } from "../../../../shared/src/contracts/reminders";
import type { ReminderRule } from "../../../../shared/src/domain/reminders";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { displayNames } from "../matches";

/** Each rule as a coordinator would name it in a list. */
export const ruleLabels: Record<ReminderRule, string> = {
  check_in_due: "Check-in open",
  check_in_overdue: "Check-in overdue",
  meeting_soon: "Meeting coming up",
  no_meeting_within_cadence: "No meeting planned",
  agreement_pending: "Agreement not settled",
  goal_review_due: "Goal review due",
  commitment_due: "Commitment due",
  contact_due: "Coordinator contact due",
  request_expiring: "Request about to expire",
  escalation: "Escalated to coordinators",
  evaluation_due: "Evaluation open",
  inactivity: "Nothing happening",
  training_pending: "Training still to do",
  coordinator_digest: "Weekly digest",
};

/** What a listed reminder is before names are put to it. */
export type UnnamedItem = Omit<ReminderItem, "recipient" | "pair" | "ruleLabel"> & {
  recipientId: string;
  matchId: string | null;
};

/** Puts names to a page of reminders: the person each goes to and the pair it is about. */
export async function nameItems(
  db: Pick<TenantDb, "select">,
  items: readonly UnnamedItem[],
): Promise<ReminderItem[]> {
  const matchIds = [...new Set(items.flatMap((i) => (i.matchId ? [i.matchId] : [])))];
  const seats =
    matchIds.length === 0
      ? []
      : await db
          .select({
            matchId: matchParticipants.matchId,
            memberId: matchParticipants.memberId,
            role: matchParticipants.role,
          })
          .from(matchParticipants)
          .where(inArray(matchParticipants.matchId, matchIds));
  const names = await displayNames(db, [
    ...items.map((i) => i.recipientId),
    ...seats.map((s) => s.memberId),
  ]);
  const person = (memberId: string) => ({ memberId, displayName: names.get(memberId) ?? "" });
  const seat = (matchId: string, role: "mentor" | "mentee") =>
    person(seats.find((s) => s.matchId === matchId && s.role === role)?.memberId ?? "");
  return items.map(({ recipientId, matchId, ...item }) => ({
    ...item,
    ruleLabel: ruleLabels[item.rule],
    recipient: person(recipientId),
    pair: matchId
      ? { matchId, mentor: seat(matchId, "mentor"), mentee: seat(matchId, "mentee") }
      : null,
  }));
}

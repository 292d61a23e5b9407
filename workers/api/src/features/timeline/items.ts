import type { TimelineItem } from "../../../../shared/src/contracts/relationship/timeline";
import type { Access, RecordKind } from "../../../../shared/src/security/visibility";
import type { PairRecords } from "./sources";
import { feedbackText, formatTime, formatWords } from "./words";

/** Who looks, and what the visibility table lets them see of a record by its author. */
export interface Viewer {
  id: string;
  access(kind: RecordKind, authorId: string | null): Access;
  /** Display names of the pair's people. */
  names: ReadonlyMap<string, string>;
  /** Meeting times read in the viewer's own zone. */
  timeZone: string;
  /** The viewer's calendar day, YYYY-MM-DD: check-ins show once they opened. */
  today: string;
}

type Item = Omit<TimelineItem, "at"> & { at: Date };

/**
 * The pair's history as one list, each item only as far as the viewer may see it: check-in
 * answers never (only who answered, to those who may read the answers), feedback's words only
 * to its author and recipient, private and shared notes never.
 */
export function timelineItems(records: PairRecords, viewer: Viewer): Item[] {
  const who = (id: string | null) =>
    id === null ? "Someone" : id === viewer.id ? "You" : viewer.names.get(id) || "Someone";
  const when = (at: Date) => formatTime(at, viewer.timeZone);
  const items: Item[] = [];
  const push = (item: Omit<Item, "detail" | "by" | "links"> & Partial<Item>) =>
    items.push({ detail: null, by: null, links: {}, ...item });

  if (viewer.access("agreement", null) !== "none") {
    const versionOf = new Map(records.versions.map((v) => [v.id, v.version]));
    for (const v of records.versions) {
      push({
        id: `agv:${v.id}`,
        at: v.createdAt,
        kind: "agreement_saved",
        title: `${who(v.changedBy)} saved version ${v.version} of the agreement`,
        by: v.changedBy,
        links: { agreementVersion: v.version },
      });
    }
    for (const a of records.acks) {
      const version = versionOf.get(a.versionId)!;
      push({
        id: `ack:${a.versionId}:${a.memberId}`,
        at: a.at,
        kind: "agreement_acknowledged",
        title: `${who(a.memberId)} acknowledged version ${version} of the agreement`,
        by: a.memberId,
        links: { agreementVersion: version },
      });
    }
  }

  for (const m of records.meetings) {
    if (viewer.access("meeting", m.proposedBy) === "none") continue;
    const plan = `${when(m.startsAt)}, ${m.durationMinutes} minutes, ${formatWords[m.format]}`;
    const base = { id: `mtg:${m.id}`, links: { meetingId: m.id } };
    if (m.status === "proposed" || m.status === "scheduled") {
      const verb = m.status === "proposed" ? "proposed" : "scheduled";
      push({
        ...base,
        at: m.createdAt,
        kind: `meeting_${m.status}`,
        title: `${who(m.proposedBy)} ${verb} a meeting`,
        detail: plan,
        by: m.proposedBy,
      });
    } else if (m.status === "held") {
      const minutes = m.heldMinutes ?? m.durationMinutes;
      push({
        ...base,
        at: m.startsAt,
        kind: "meeting_held",
        title: "You met",
        detail: `${when(m.startsAt)}, ${minutes} minutes`,
      });
    } else if (m.status === "cancelled") {
      const reason = m.cancelReason ? ` Reason: ${m.cancelReason}` : "";
      push({
        ...base,
        at: m.updatedAt,
        kind: "meeting_cancelled",
        title: "A meeting was cancelled",
        detail: `It was planned for ${when(m.startsAt)}.${reason}`,
      });
    } else {
      push({
        ...base,
        at: m.startsAt,
        kind: "meeting_missed",
        title: "A planned meeting did not happen",
        detail: when(m.startsAt),
      });
    }
  }

  for (const c of records.commitments) {
    if (viewer.access("commitment", c.ownerId) === "none") continue;
    const links = { commitmentId: c.id, ...(c.meetingId ? { meetingId: c.meetingId } : {}) };
    push({
      id: `cmt:${c.id}`,
      at: c.createdAt,
      kind: "commitment_made",
      title: `${who(c.ownerId)} made a commitment`,
      detail: `${c.text} (by ${c.dueOn})`,
      by: c.ownerId,
      links,
    });
    if (c.doneAt) {
      push({
        id: `cmd:${c.id}`,
        at: c.doneAt,
        kind: "commitment_done",
        title: `${who(c.ownerId)} did what they committed to`,
        detail: c.text,
        by: c.ownerId,
        links,
      });
    }
  }

  if (viewer.access("checkInAnswers", null) !== "none") {
    for (const c of records.checkIns) {
      if (c.opensOn > viewer.today) continue;
      push({
        id: `cki:${c.id}`,
        at: new Date(`${c.opensOn}T00:00:00Z`),
        kind: "check_in_due",
        title: `Check-in ${c.period} opened`,
        detail: `Open until ${c.closesOn}.`,
        links: { checkInId: c.id },
      });
    }
  }
  const periodOf = new Map(records.checkIns.map((c) => [c.id, c.period]));
  for (const r of records.responses) {
    // Whether someone answered is as private as their answers: the partner never learns it.
    if (viewer.access("checkInAnswers", r.memberId) === "none") continue;
    push({
      id: `cka:${r.checkInId}:${r.memberId}`,
      at: r.submittedAt,
      kind: "check_in_answered",
      title: `${who(r.memberId)} answered check-in ${periodOf.get(r.checkInId)}`,
      by: r.memberId,
      links: { checkInId: r.checkInId },
    });
  }

  const goalTitle = new Map<string, string>();
  for (const g of records.goals) {
    if (viewer.access("goal", g.createdBy) === "none") continue;
    goalTitle.set(g.id, g.title);
    push({
      id: `gol:${g.id}`,
      at: g.createdAt,
      kind: "goal_set",
      title: `${who(g.createdBy)} set a goal: ${g.title}`,
      detail: g.measure,
      by: g.createdBy,
      links: { goalId: g.id },
    });
    if (g.achievedAt) {
      push({
        id: `goa:${g.id}`,
        at: g.achievedAt,
        kind: "goal_achieved",
        title: `Goal achieved: ${g.title}`,
        links: { goalId: g.id },
      });
    }
  }
  for (const m of records.milestones) {
    const goal = goalTitle.get(m.goalId);
    if (goal === undefined || !m.doneAt) continue;
    push({
      id: `mil:${m.id}`,
      at: m.doneAt,
      kind: "milestone_done",
      title: `Milestone reached: ${m.title}`,
      detail: `On the way to: ${goal}`,
      links: { goalId: m.goalId, milestoneId: m.id },
    });
  }
  for (const c of records.celebrations) {
    if (viewer.access("celebration", c.sharedBy) === "none") continue;
    push({
      id: `cel:${c.id}`,
      at: c.createdAt,
      kind: "celebration",
      title: `Celebrating: ${c.title}`,
      detail: c.sharedBy ? `${who(c.sharedBy)} shared it with the program.` : null,
      links: {
        celebrationId: c.id,
        goalId: c.goalId,
        ...(c.milestoneId ? { milestoneId: c.milestoneId } : {}),
      },
    });
  }

  for (const f of records.feedback) {
    const access = viewer.access("feedback", f.authorId);
    if (access === "none") continue;
    const received = f.recipientId === viewer.id;
    push({
      id: `fbk:${f.id}`,
      at: f.createdAt,
      kind: received ? "feedback_received" : "feedback_given",
      title: received
        ? `${who(f.authorId)} gave you feedback`
        : `${who(f.authorId)} gave ${who(f.recipientId)} feedback`,
      // The words only for the two people; everyone else learns that it happened.
      detail: access === "full" && (f.authorId === viewer.id || received) ? feedbackText(f) : null,
      by: f.authorId,
      links: { feedbackId: f.id, ...(f.meetingId ? { meetingId: f.meetingId } : {}) },
    });
  }
  return items;
}

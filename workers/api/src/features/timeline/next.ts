import type { NextStep } from "../../../../shared/src/contracts/relationship/timeline";
import type { ProgramRules } from "../../../../shared/src/domain/program-rules";
import type { PairRecords } from "./sources";
import { formatTime } from "./words";

export interface NextStepInput {
  records: PairRecords;
  rules: ProgramRules;
  role: "mentor" | "mentee";
  viewerId: string;
  now: Date;
  /** The viewer's calendar day, YYYY-MM-DD. */
  today: string;
  timeZone: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The one thing a person of the pair should do next, most pressing first: settle the
 * agreement, turn up to the next meeting, answer an open check-in, keep the commitment due
 * soonest, set a goal the program asks for, and plan a meeting when none is near. Null when
 * nothing waits for them.
 */
export function nextStep(input: NextStepInput): NextStep | null {
  const { records, rules, role, viewerId, now, today, timeZone } = input;
  const latest = [...records.versions].sort((a, b) => b.version - a.version)[0];
  if (!latest && rules.agreement.required) {
    return step("fill_in_agreement", "Fill in your part of the agreement", {
      detail:
        "The program asks you both to agree on how you will work together and acknowledge it " +
        "before you record commitments, check-ins, goals and feedback. Meetings are open meanwhile.",
    });
  }
  if (latest && !records.acks.some((a) => a.versionId === latest.id && a.memberId === viewerId)) {
    return step(
      "acknowledge_agreement",
      `Read and acknowledge version ${latest.version} of your agreement`,
      {
        detail: latest.changedBy === viewerId ? null : "It changed since you last acknowledged it.",
        links: { agreementVersion: latest.version },
      },
    );
  }

  const upcoming = records.meetings
    .filter((m) => m.status === "scheduled" && m.startsAt >= now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (upcoming) {
    return step("upcoming_meeting", "Your next meeting", {
      detail: `${formatTime(upcoming.startsAt, timeZone)}, ${upcoming.durationMinutes} minutes`,
      at: upcoming.startsAt,
      links: { meetingId: upcoming.id },
    });
  }

  const answers = rules.checkIns.answeredBy === "both" || rules.checkIns.answeredBy === role;
  const openCheckIn = records.checkIns.find(
    (c) =>
      c.opensOn <= today &&
      today <= c.closesOn &&
      !records.responses.some((r) => r.checkInId === c.id && r.memberId === viewerId),
  );
  if (answers && openCheckIn) {
    return step("answer_check_in", `Answer check-in ${openCheckIn.period}`, {
      detail: `It takes a few minutes and is open until ${openCheckIn.closesOn}. Your partner never sees your answers.`,
      links: { checkInId: openCheckIn.id },
    });
  }

  const due = records.commitments
    .filter((c) => c.ownerId === viewerId && !c.doneAt)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  if (due) {
    return step(
      "commitment_due",
      `${due.dueOn < today ? "Overdue" : "Due"} ${due.dueOn}: ${due.text}`,
      {
        links: { commitmentId: due.id },
      },
    );
  }

  const goals = records.goals.filter((g) => g.status !== "dropped").length;
  if (goals < rules.goals.minPerMatch) {
    const asked = rules.goals.minPerMatch;
    return step(
      "set_goal",
      goals === 0 ? "Set your first goal together" : "Set another goal together",
      {
        detail: `The program asks each pair for at least ${asked} goal${asked === 1 ? "" : "s"}.`,
      },
    );
  }

  const since = now.getTime() - rules.meetings.frequencyDays * dayMs;
  const recent = records.meetings.some(
    (m) => (m.status === "held" || m.status === "scheduled") && m.startsAt.getTime() >= since,
  );
  if (!recent) {
    return step("schedule_meeting", "Schedule your next meeting", {
      detail: `The program asks you to meet every ${rules.meetings.frequencyDays} days.`,
    });
  }
  return null;
}

function step(
  kind: NextStep["kind"],
  title: string,
  more: { detail?: string | null; at?: Date; links?: NextStep["links"] } = {},
): NextStep {
  return {
    kind,
    title,
    detail: more.detail ?? null,
    at: more.at?.toISOString() ?? null,
    links: more.links ?? {},
  };
}

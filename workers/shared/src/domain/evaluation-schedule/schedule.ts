import {
  type Evaluation,
  type ProgramRules,
  type ProgramShape,
  programLengthDays,
} from "../program-rules";
import { exitSurvey } from "./exit-survey";

const dayMs = 86_400_000;

/** What the schedule needs of a match: when it began and, once it closed, when. */
export interface ScheduleMatch {
  activatedAt: Date | null;
  /** Set once the match closed; a match wrapping up has none yet. */
  endedAt: Date | null;
}

/** The part of an evaluation a member answers: its id, kind and questions. */
export interface EvaluationTemplate {
  id: string;
  kind: Evaluation["kind"] | "exit";
  questions: readonly { id: string; label: string; kind: "rating" | "text" | "nps" }[];
}

export interface ScheduledEvaluation extends EvaluationTemplate {
  dueAt: Date;
}

interface Span {
  start: Date;
  /** When it was meant to end: the mid-point lies halfway to it. */
  plannedEnd: Date | null;
  /** When it ends: the planned end, or an earlier closure. Null when open-ended. */
  end: Date | null;
}

const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * dayMs);

/**
 * The relationship's span: from activation for the program's relationship length (or as long
 * as the program's dates). A match closed early ends when it closed: its end-of-relationship
 * evaluation is due then, not months later.
 */
function relationshipSpan(program: ProgramShape, match: ScheduleMatch): Span | null {
  if (!match.activatedAt) return null;
  const length = programLengthDays(program);
  const planned = length === null ? null : plusDays(match.activatedAt, length);
  const end =
    match.endedAt && (planned === null || match.endedAt < planned) ? match.endedAt : planned;
  return { start: match.activatedAt, plannedEnd: planned, end };
}

/** The program's own dates; without both, its evaluations follow each relationship instead. */
function programSpan(program: ProgramShape, match: ScheduleMatch): Span | null {
  const start = program.startsOn ? new Date(Date.parse(program.startsOn)) : null;
  const end = program.endsOn ? new Date(Date.parse(program.endsOn)) : null;
  if (start && end && end > start) return { start, plannedEnd: end, end };
  return relationshipSpan(program, match);
}

/** When one evaluation of the rules is due for this match; null when it never is. */
export function evaluationDueAt(
  evaluation: Evaluation,
  program: ProgramShape,
  match: ScheduleMatch,
): Date | null {
  const span =
    evaluation.kind === "program" ? programSpan(program, match) : relationshipSpan(program, match);
  if (!span?.end) return null;
  if (evaluation.at === "end") return span.end;
  if (evaluation.at === "after_end") return plusDays(span.end, evaluation.daysAfterEnd ?? 0);
  if (!span.plannedEnd) return null;
  const midpoint = new Date((span.start.getTime() + span.plannedEnd.getTime()) / 2);
  // A relationship that closed before its mid-point has no mid-point to look back from.
  if (evaluation.kind === "relationship" && match.endedAt && match.endedAt < midpoint) {
    return null;
  }
  return midpoint;
}

/**
 * Every evaluation this match has, with when it is due: the program's evaluations in the
 * order of its rules, then the exit survey once the match closed (when the program asks one).
 */
export function evaluationSchedule(
  rules: Pick<ProgramRules, "evaluations" | "closure">,
  program: ProgramShape,
  match: ScheduleMatch,
): ScheduledEvaluation[] {
  const scheduled: ScheduledEvaluation[] = [];
  for (const evaluation of rules.evaluations) {
    const dueAt = evaluationDueAt(evaluation, program, match);
    if (dueAt) {
      scheduled.push({
        id: evaluation.id,
        kind: evaluation.kind,
        questions: evaluation.template.questions,
        dueAt,
      });
    }
  }
  if (rules.closure.exitSurvey && match.activatedAt && match.endedAt) {
    scheduled.push({ ...exitSurvey, dueAt: match.endedAt });
  }
  return scheduled;
}

/** The evaluations due by `now`. */
export function dueEvaluations(
  rules: Pick<ProgramRules, "evaluations" | "closure">,
  program: ProgramShape,
  match: ScheduleMatch,
  now: Date,
): ScheduledEvaluation[] {
  return evaluationSchedule(rules, program, match).filter((e) => e.dueAt <= now);
}

/**
 * When the relationship's planned time is up (its length, or the program's end if that comes
 * first): the sweep then asks the pair to wrap up. Null when neither is known.
 */
export function plannedEndOf(program: ProgramShape, activatedAt: Date): Date | null {
  const length = programLengthDays(program);
  const byLength = length === null ? null : plusDays(activatedAt, length);
  const programEnd = program.endsOn ? new Date(Date.parse(program.endsOn)) : null;
  const ends = [byLength, programEnd].filter((d): d is Date => d !== null && !Number.isNaN(+d));
  return ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
}

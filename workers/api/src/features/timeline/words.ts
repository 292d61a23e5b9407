import { feedbackQuestions } from "../../../../shared/src/contracts/relationship/stored-shapes";
import type { PairRecords } from "./sources";

// How the timeline words records for people.

export const formatWords = { in_person: "in person", video: "by video" } as const;

export function feedbackText(f: PairRecords["feedback"][number]): string {
  const answers = (Object.keys(feedbackQuestions) as (keyof typeof feedbackQuestions)[])
    .filter((key) => f.answers[key])
    .map((key) => `${feedbackQuestions[key]} ${f.answers[key]}`);
  return [...answers, ...(f.note ? [f.note] : [])].join("\n");
}

/** "4 Mar 2026, 14:00 (Europe/Berlin)": a time as the viewer reads it. */
export function formatTime(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(at);
  return `${text} (${timeZone})`;
}

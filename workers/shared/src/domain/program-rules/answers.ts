import * as v from "valibot";
import type { ApplicationForm, ApplicationQuestion } from "./application-form";

/**
 * Builds the schema for one member's answers to one program's form: an object keyed by
 * question id. Required questions must be answered; optional ones may be absent or null.
 * An answer to a question the form does not have is refused, not dropped: it usually means
 * the form changed while the member was filling it in, and silently losing what they wrote
 * would be worse than asking them to look again.
 */

export type Answer = string | string[] | number;
export type Answers = Record<string, Answer | null | undefined>;

const shortTextMax = 200;
const longTextMax = 4000;

function answerSchema(q: ApplicationQuestion): v.GenericSchema<unknown, Answer> {
  const label = `Answers: "${q.label}"`;
  const options = q.options ?? [];
  const pick = v.picklist(options, `${label}: choose one of: ${options.join(", ")}.`);
  switch (q.kind) {
    case "short_text":
    case "long_text": {
      const max = q.kind === "short_text" ? shortTextMax : longTextMax;
      return v.pipe(
        v.string(`${label} needs a written answer.`),
        v.trim(),
        v.check((text) => !q.required || text.length > 0, `${label} needs an answer.`),
        v.maxLength(max, `${label} can be at most ${max} characters.`),
      );
    }
    case "choice":
      return pick;
    case "multi_choice":
      return v.pipe(
        v.array(pick, `${label} needs a list of choices.`),
        v.check((picked) => !q.required || picked.length > 0, `${label}: choose at least one.`),
        v.check(
          (picked) => new Set(picked).size === picked.length,
          `${label}: choose each option once.`,
        ),
      );
    case "scale":
      return v.pipe(
        v.number(`${label} needs a number from 1 to 5.`),
        v.integer(`${label} needs a whole number from 1 to 5.`),
        v.minValue(1, `${label} needs a number from 1 to 5.`),
        v.maxValue(5, `${label} needs a number from 1 to 5.`),
      );
  }
}

export function answersSchema(form: ApplicationForm): v.GenericSchema<unknown, Answers> {
  const entries: Record<string, v.GenericSchema<unknown, Answer | null | undefined>> = {};
  for (const q of form.questions) {
    entries[q.id] = q.required ? answerSchema(q) : v.nullish(answerSchema(q));
  }
  const labels = new Map(form.questions.map((q) => [q.id, q.label]));
  return v.objectWithRest(
    entries,
    v.never("Answers: this question is not on the form."),
    (issue) => {
      // The object's own message also covers a missing required answer, which has a path.
      const key = issue.path?.[0]?.key;
      const label = typeof key === "string" ? labels.get(key) : undefined;
      return label ? `Answers: "${label}" needs an answer.` : "Answers must be an object.";
    },
  );
}

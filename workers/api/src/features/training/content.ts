import type { FieldError } from "../../../../shared/src/contracts/common/errors";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import { problemDetail } from "../../../../shared/src/contracts/common/validate";
import type { TrainingInput } from "../../../../shared/src/contracts/training";

/** The rules a training resource's content follows beyond its schema, and its stored columns. */

/** What the schema cannot judge alone: each kind needs its own content. */
function contentProblems(r: Omit<TrainingInput, "position">): FieldError[] {
  const problems: FieldError[] = [];
  if (r.kind === "link" && !r.url)
    problems.push({ field: "url", message: "A link needs a web address." });
  if (r.kind === "document" && !r.url && !r.body) {
    problems.push({ field: "body", message: "A document needs its text or a web address." });
  }
  if (r.kind === "quiz") {
    if (!r.quiz?.length) problems.push({ field: "quiz", message: "A quiz needs questions." });
    r.quiz?.forEach((q, i) => {
      if (q.answer >= q.options.length) {
        problems.push({
          field: `quiz.${i}.answer`,
          message: "Each question needs one of its options marked as the right answer.",
        });
      }
    });
  }
  return problems;
}

export function assertContent(r: Omit<TrainingInput, "position">): void {
  const problems = contentProblems(r);
  if (problems.length === 0) return;
  throw new AppError("validation", problemDetail(problems), { errors: problems });
}

export const columnsOf = (r: Omit<TrainingInput, "position">) => ({
  title: r.title,
  kind: r.kind,
  url: r.url ?? null,
  body: r.body ?? null,
  quiz: r.kind === "quiz" ? (r.quiz ?? null) : null,
  requiredFor: r.requiredFor,
});

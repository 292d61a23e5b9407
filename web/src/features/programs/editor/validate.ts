import * as v from "valibot";

export interface Problem {
  field: string;
  message: string;
}

type Issue = v.BaseIssue<unknown>;

/** valibot's own wording is for developers; the schema's custom messages are kept as they are. */
function wordingOf(issue: Issue): string {
  if (!/^Invalid /.test(issue.message)) return issue.message;
  const limit = issue.requirement;
  switch (issue.type) {
    case "min_value":
      return `Use ${String(limit)} or more.`;
    case "max_value":
      return `Use ${String(limit)} or less.`;
    case "min_length":
      return typeof issue.input === "string"
        ? `Enter at least ${String(limit)} characters.`
        : `Add at least ${String(limit)}.`;
    case "max_length":
      return typeof issue.input === "string"
        ? `Use at most ${String(limit)} characters.`
        : `Keep at most ${String(limit)}.`;
    case "integer":
      return "Use a whole number.";
    case "number":
      return "Enter a number.";
    case "picklist":
    case "union":
    case "variant":
      return "Choose one of the options.";
    default:
      return issue.expected === "number" ? "Enter a number." : "This value is not valid.";
  }
}

/** Checks a value against a schema; problems are keyed by dotted path, like the API's. */
export function schemaProblems<T>(
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
): { output: T | null; problems: Problem[] } {
  const result = v.safeParse(schema, value);
  if (result.success) return { output: result.output, problems: [] };
  const problems = result.issues.map((issue) => ({
    field: v.getDotPath(issue) ?? "",
    message: wordingOf(issue),
  }));
  return { output: null, problems };
}

/** The API may name fields from the body's root ("rules.meetings.x"); the editor does not. */
export const withinBody = (field: string, root: string) =>
  field.startsWith(`${root}.`) ? field.slice(root.length + 1) : field;

/** First message per field: local checks win over the server's echo of the same problem. */
export function problemMap(...lists: Problem[][]): Map<string, string> {
  const map = new Map<string, string>();
  for (const list of lists) {
    for (const p of list) if (!map.has(p.field)) map.set(p.field, p.message);
  }
  return map;
}

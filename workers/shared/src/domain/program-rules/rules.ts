import * as v from "valibot";
import { defaultEvaluations } from "./defaults";
import { evaluation } from "./evaluations";
import { closure, matching, reminders, training } from "./operations";
import { agreement, checkIns, coordinatorContact, goals, meetings } from "./relationship";
import { fresh } from "./vocab";

/**
 * Program rules: one schema for the API and the web client. Every field has a default, so
 * `v.parse(programRules, {})` gives complete rules and partial input fills in the rest.
 * Unknown keys are dropped rather than refused, so rules stored before a field was retired
 * still parse. Lists (questions, evaluations, criteria, channels) are replaced whole.
 */
export const programRules = v.object({
  meetings: v.optional(meetings, {}),
  checkIns: v.optional(checkIns, {}),
  coordinatorContact: v.optional(coordinatorContact, {}),
  evaluations: v.optional(
    v.pipe(
      v.array(evaluation, "Evaluations must be a list."),
      v.maxLength(10, "Evaluations: a program can have at most 10 evaluations."),
    ),
    fresh(defaultEvaluations),
  ),
  goals: v.optional(goals, {}),
  agreement: v.optional(agreement, {}),
  matching: v.optional(matching, {}),
  training: v.optional(training, {}),
  reminders: v.optional(reminders, {}),
  closure: v.optional(closure, {}),
});

/** Complete rules, as stored and as every consumer reads them. */
export type ProgramRules = v.InferOutput<typeof programRules>;
/** What a coordinator or API client may send: any part, the rest comes from the defaults. */
export type ProgramRulesInput = v.InferInput<typeof programRules>;
export type Evaluation = ProgramRules["evaluations"][number];
export type MatchingCriterion = ProgramRules["matching"]["criteria"][number];

export function defaultRules(): ProgramRules {
  return v.parse(programRules, {});
}

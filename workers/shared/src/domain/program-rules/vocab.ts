/** The closed vocabularies of program rules, shared by schemas, checks and summaries. */

export type DeepMutable<T> = { -readonly [K in keyof T]: DeepMutable<T[K]> };
/**
 * A default declared `as const` (so its kinds stay literal types), handed to `v.optional` as
 * a fresh writable copy: the schema's input type wants mutable lists.
 */
export const fresh =
  <T>(value: T) =>
  () =>
    structuredClone(value) as DeepMutable<T>;

export const meetingFormats = ["in_person", "video", "either"] as const;
export const checkInQuestionKinds = ["rating", "text", "yes_no"] as const;
export const answeredBy = ["mentor", "mentee", "both"] as const;
export const evaluationKinds = ["relationship", "program"] as const;
export const evaluationMoments = ["midpoint", "end", "after_end"] as const;
export const evaluationQuestionKinds = ["rating", "text", "nps"] as const;
export const matchingModes = ["coordinator", "mentee_chooses", "automatic"] as const;
export const criterionFields = [
  "interests",
  "skills",
  "department",
  "seniority",
  "languages",
  "time_zone",
  "availability",
] as const;
export const reminderChannels = ["email", "in_app", "webhook"] as const;
export type ReminderChannel = (typeof reminderChannels)[number];
/** A criterion with this weight is a must: pairs that differ on it are never proposed. */
export const mustWeight = 10;

import * as v from "valibot";

/** Values as JSON carries them in answers. */

/** An instant: the server's Dates, serialized as ISO 8601 in UTC ("2026-03-01T09:30:00.000Z"). */
export const timestamp = v.pipe(v.string(), v.isoTimestamp());

/** Free-form JSON object (audit details, application answers): keys are the writer's. */
export const jsonObject = v.record(v.string(), v.unknown());

import * as v from "valibot";

/** Path parameters. Ids are opaque; the bound only keeps absurd ones out of queries and logs. */
export const resourceId = v.pipe(v.string(), v.maxLength(100, "id is too long."));

export const idParam = v.object({ id: resourceId });
export const programParam = v.object({ programId: resourceId });

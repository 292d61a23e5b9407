import * as v from "valibot";
import { isCalendarDay } from "../../domain/check-in-periods";
import { timestamp } from "../common/json";
import { list } from "../common/pagination";
import { resourceId } from "../common/params";

/** The support log: coordinators' contacts with their pairs, and the pairs due one. */

export const supportChannels = ["meeting", "call", "video", "email", "message"] as const;
export type SupportChannel = (typeof supportChannels)[number];

export const supportContactInput = v.object({
  /** The day of the contact (YYYY-MM-DD); not a day still to come. */
  contactedOn: v.pipe(
    v.string("contactedOn must be a date (YYYY-MM-DD)."),
    v.check(isCalendarDay, "contactedOn must be a real date (YYYY-MM-DD)."),
  ),
  channel: v.picklist(
    supportChannels,
    `channel must be one of ${supportChannels.map((c) => `"${c}"`).join(", ")}.`,
  ),
  /** The person of the pair contacted; left out when it was both. */
  memberId: v.optional(resourceId),
  note: v.pipe(
    v.string("note must be text."),
    v.trim(),
    v.maxLength(4000, "note must be at most 4,000 characters."),
  ),
  followUp: v.optional(
    v.pipe(
      v.string("followUp must be text."),
      v.trim(),
      v.maxLength(1000, "followUp must be at most 1,000 characters."),
    ),
  ),
});
export type SupportContactInput = v.InferOutput<typeof supportContactInput>;

const person = v.object({ memberId: v.string(), displayName: v.string() });

export const supportContactView = v.object({
  id: v.string(),
  matchId: v.string(),
  contactedOn: v.string(),
  channel: v.picklist(supportChannels),
  /** Who was contacted; null when it was both people of the pair. */
  member: v.nullable(person),
  coordinator: person,
  note: v.string(),
  followUp: v.nullable(v.string()),
  createdAt: timestamp,
});
export type SupportContactView = v.InferOutput<typeof supportContactView>;

/** A pair's support log, most recent contact first, and when the next contact is due. */
export const supportLog = v.object({
  items: v.array(supportContactView),
  nextDueOn: v.nullable(v.string()),
  daysOverdue: v.number(),
});
export type SupportLog = v.InferOutput<typeof supportLog>;

export const overduePair = v.object({
  matchId: v.string(),
  mentor: person,
  mentee: person,
  dueOn: v.string(),
  daysOverdue: v.number(),
  lastContactOn: v.nullable(v.string()),
});
export type OverduePair = v.InferOutput<typeof overduePair>;
export const overduePairs = list(overduePair);

import * as v from "valibot";
import { displayName } from "./common/display-name";
import { newPassword, offeredPassword } from "./common/passwords";
import { memberEmail, memberRoles, memberStatuses } from "./members";

/** The signed-in member's own account: /v1/me. */

/** The canonical spelling of an IANA zone ("europe/paris" → "Europe/Paris"), or null. */
export function canonicalTimeZone(zone: string): string | null {
  // Offsets like "+02:00" are accepted by newer engines but are not IANA zone names.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZone = v.pipe(
  v.string("Time zone must be text."),
  v.trim(),
  v.maxLength(64, "Time zone must be at most 64 characters."),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const zone = canonicalTimeZone(dataset.value);
    if (zone) return zone;
    addIssue({ message: 'Time zone must be an IANA zone name, such as "Europe/Berlin".' });
    return NEVER;
  }),
);

export const updateMeInput = v.object({
  displayName: v.optional(displayName),
  timeZone: v.optional(timeZone),
});
export type UpdateMeInput = v.InferOutput<typeof updateMeInput>;

export const changePasswordInput = v.object({
  currentPassword: offeredPassword,
  newPassword,
});
export type ChangePasswordInput = v.InferOutput<typeof changePasswordInput>;

/** Nothing changes until the link sent to the new address is opened. */
export const emailChangeInput = v.object({ newEmail: memberEmail, password: offeredPassword });
export type EmailChangeInput = v.InferOutput<typeof emailChangeInput>;

/** The signed-in member as they see themselves, with the organization they belong to. */
export const meView = v.object({
  id: v.string(),
  email: v.string(),
  displayName: v.string(),
  role: v.picklist(memberRoles),
  status: v.picklist(memberStatuses),
  timeZone: v.string(),
  organization: v.object({ slug: v.string(), name: v.string() }),
});
export type MeView = v.InferOutput<typeof meView>;

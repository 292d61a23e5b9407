import * as v from "valibot";
import { displayName } from "./common/display-name";
import { timestamp } from "./common/json";
import { newPassword, offeredPassword } from "./common/passwords";
import { meView } from "./me";
import { memberEmail, memberRoles } from "./members";
import { tenantKinds } from "./operator";

/** Signing in and the emailed links, under /v1/orgs/{slug}/auth: no token yet. */

/** What the sign-in page shows of the organization it belongs to. */
export const organizationView = v.object({
  slug: v.string(),
  name: v.string(),
  kind: v.picklist(tenantKinds),
});
export type OrganizationView = v.InferOutput<typeof organizationView>;

/** Members are stored by trimmed, lowercased email; sign-in finds them the same way. */
const signInEmail = v.pipe(
  v.string("Email must be text."),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty("Email is required."),
  v.maxLength(254, "Email must be at most 254 characters."),
);

export const loginInput = v.object({ email: signInEmail, password: offeredPassword });
export type LoginInput = v.InferOutput<typeof loginInput>;

/**
 * What signing in, refreshing and accepting an invitation answer. The refresh token is not
 * here: it travels only in an HttpOnly cookie.
 */
export const sessionAnswer = v.object({
  accessToken: v.string(),
  /** Seconds until the access token expires. */
  expiresIn: v.number(),
  member: meView,
});
export type SessionAnswer = v.InferOutput<typeof sessionAnswer>;

/** A token from an emailed link (invitation, reset, email change), as the client sends it. */
export const linkToken = v.pipe(
  v.string("Token must be text."),
  v.nonEmpty("Token is required."),
  v.maxLength(200, "Token must be at most 200 characters."),
);

export const passwordResetInput = v.object({ email: memberEmail });
export type PasswordResetInput = v.InferOutput<typeof passwordResetInput>;
export const passwordResetConfirmInput = v.object({ token: linkToken, password: newPassword });
export type PasswordResetConfirmInput = v.InferOutput<typeof passwordResetConfirmInput>;
export const emailChangeConfirmInput = v.object({ token: linkToken });
export type EmailChangeConfirmInput = v.InferOutput<typeof emailChangeConfirmInput>;

/** Accepting an invitation from its emailed link (the members feature serves it). */
export const invitationLookupInput = v.object({ token: linkToken });
export const invitationAcceptInput = v.object({
  token: linkToken,
  password: newPassword,
  displayName: v.optional(displayName),
});
export type InvitationAcceptInput = v.InferOutput<typeof invitationAcceptInput>;

/** What the accept page shows before the invitee chooses a password. */
export const invitationLookupView = v.object({
  email: v.string(),
  /** The name the inviter gave (the email greets it); null when they gave none. */
  displayName: v.nullable(v.string()),
  role: v.picklist(memberRoles),
  organization: v.object({ slug: v.string(), name: v.string() }),
  expiresAt: timestamp,
});
export type InvitationLookupView = v.InferOutput<typeof invitationLookupView>;

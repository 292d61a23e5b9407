import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import {
  type NotificationPreferencesInput,
  type NotificationPreferencesView,
  preferenceLinkHeader,
} from "../../../../shared/src/contracts/notifications";
import { openPreferenceLink } from "../../../../shared/src/security/preference-links";
import type { AppEnv, OrgCtx } from "../../http/app-env";
import { readPreferences, savePreferences } from "./preferences";

/**
 * The preferences link's token, opened: the member it names. The seal key stays bound in
 * here (as identity's credentials keep theirs); the verbs only learn who the link is for.
 */
export type PreferenceLink = () => Promise<{ memberId: string }>;

export function preferenceLink(c: Context<AppEnv>): PreferenceLink {
  const { sealKey, now } = c.get("platform");
  const token = c.req.header(preferenceLinkHeader);
  return async () => {
    if (!token || token.length > 2000) {
      throw new AppError(
        "unauthorized",
        "This page needs the link from a reminder email; open it from the email again.",
      );
    }
    return openPreferenceLink(sealKey, token, { slug: c.get("tenant").slug, now: now() });
  };
}

/** The member a link names, if they are still an active member of this organization. */
async function linkedMember(ctx: OrgCtx, link: PreferenceLink): Promise<string> {
  const { memberId } = await link();
  const [member] = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.status, "active")));
  if (!member) {
    throw new AppError("unauthorized", "This link is no longer valid for any account here.");
  }
  return member.id;
}

export async function getPreferencesByLink({
  ctx,
  link,
}: {
  ctx: OrgCtx;
  link: PreferenceLink;
}): Promise<NotificationPreferencesView> {
  return readPreferences(ctx, await linkedMember(ctx, link));
}

export async function setPreferencesByLink({
  ctx,
  link,
  input,
}: {
  ctx: OrgCtx;
  link: PreferenceLink;
  input: NotificationPreferencesInput;
}): Promise<NotificationPreferencesView> {
  return savePreferences(ctx, await linkedMember(ctx, link), input, "email link");
}

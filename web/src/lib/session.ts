import type { SessionAnswer } from "../../../workers/shared/src/contracts/identity";
import type { MeView } from "../../../workers/shared/src/contracts/me";
import { navigate } from "./router";
import { Store } from "./store";

/**
 * The signed-in member. The access token lives only in memory; the refresh token is an
 * HttpOnly cookie the browser sends to /v1/orgs/{slug}/auth, so a reload restores the
 * session through POST …/auth/refresh.
 */
export interface ActiveSession {
  slug: string;
  accessToken: string;
  member: MeView;
}

export const session = new Store<ActiveSession | null>(null);

export function startSession(slug: string, answer: SessionAnswer): void {
  session.set({ slug, accessToken: answer.accessToken, member: answer.member });
}

export function updateMember(member: MeView): void {
  const current = session.get();
  if (current) session.set({ ...current, member });
}

// What the sign-in page says and where it returns to after the session ended elsewhere.
let signInNotice: string | null = null;
let returnTo: string | null = null;

export function takeSignInNotice(): string | null {
  const notice = signInNotice;
  signInNotice = null;
  return notice;
}

export function takeReturnTo(slug: string): string {
  const target = returnTo?.startsWith(`/o/${slug}/`) ? returnTo : `/o/${slug}/`;
  returnTo = null;
  return target;
}

/** Sends the member to sign-in, e.g. after their session was revoked or expired. */
export function endSession(slug: string, notice: string | null, keepPlace = true): void {
  session.set(null);
  signInNotice = notice;
  returnTo = keepPlace ? window.location.pathname : null;
  navigate(`/o/${slug}/sign-in`, { replace: true });
}

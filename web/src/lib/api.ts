import type { SessionAnswer } from "../../../workers/shared/src/contracts/identity";
import { ApiError, networkError, problemFrom } from "./problem";
import { endSession, session, startSession } from "./session";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface CallOptions {
  method?: Method;
  body?: unknown;
  /** More headers, such as the Read-Reason of a coordinator's read of confidential records. */
  headers?: Record<string, string>;
}

const SESSION_ENDED = "Your session has ended. Please sign in again.";

const headers = (token?: string): Record<string, string> => ({
  accept: "application/json",
  "content-type": "application/json",
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: "same-origin", ...init });
  } catch {
    throw networkError();
  }
}

async function read<T>(res: Response): Promise<T> {
  if (!res.ok) throw await problemFrom(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const bodyOf = (method: Method, body: unknown) =>
  method === "GET" || method === "DELETE" ? undefined : JSON.stringify(body ?? {});

const authPath = (slug: string, path: string) => `/v1/orgs/${encodeURIComponent(slug)}/auth${path}`;

/** The unauthenticated entry points under /v1/orgs/{slug}/auth (sign-in, invitations, …). */
export async function orgCall<T>(slug: string, path: string, opts: CallOptions = {}): Promise<T> {
  const method = opts.method ?? "POST";
  const res = await send(authPath(slug, path), {
    method,
    headers: headers(),
    body: bodyOf(method, opts.body),
  });
  return read<T>(res);
}

// One refresh at a time: a refresh token is spent on use, and presenting a spent one revokes
// the whole sign-in. Within a tab the promise is shared; across tabs a Web Lock serialises.
const refreshing = new Map<string, Promise<boolean>>();

async function refreshOnce(slug: string): Promise<boolean> {
  const post = () => send(authPath(slug, "/refresh"), { method: "POST", headers: headers() });
  const res = navigator.locks
    ? await navigator.locks.request(`tandem-refresh:${slug}`, post)
    : await post();
  if (res.status === 401) return false;
  startSession(slug, await read<SessionAnswer>(res));
  return true;
}

/** Restores (or renews) the session from the refresh cookie; false if there is none. */
export function refreshSession(slug: string): Promise<boolean> {
  let pending = refreshing.get(slug);
  if (!pending) {
    pending = refreshOnce(slug).finally(() => refreshing.delete(slug));
    refreshing.set(slug, pending);
  }
  return pending;
}

/**
 * An authenticated call to /v1/…. A 401 gets one refresh and one retry; if the refresh fails,
 * the session is over and the member is sent to sign-in.
 */
export async function api<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const method = opts.method ?? "GET";
  const current = session.get();
  if (!current) throw new ApiError(401, "unauthorized", SESSION_ENDED);
  const call = (token: string) =>
    send(path, {
      method,
      headers: { ...headers(token), ...opts.headers },
      body: bodyOf(method, opts.body),
    });
  let res = await call(current.accessToken);
  if (res.status === 401) {
    // Another call may have renewed the session meanwhile; otherwise renew it now.
    const latest = session.get()?.accessToken;
    const renewed =
      (latest !== undefined && latest !== current.accessToken) ||
      (await refreshSession(current.slug));
    const token = session.get()?.accessToken;
    if (!renewed || !token) {
      endSession(current.slug, SESSION_ENDED);
      throw new ApiError(401, "unauthorized", SESSION_ENDED);
    }
    // A 401 with a fresh token is the call's own answer (a wrong current password, say).
    res = await call(token);
  }
  return read<T>(res);
}

export async function signIn(slug: string, email: string, password: string): Promise<void> {
  const answer = await orgCall<SessionAnswer>(slug, "/login", { body: { email, password } });
  startSession(slug, answer);
}

export async function signOut(slug: string): Promise<void> {
  await orgCall(slug, "/logout").catch(() => undefined);
  endSession(slug, "You have signed out.", false);
}

export const query = (params: Record<string, string | number | null | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};

import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship";
import { api, refreshSession } from "../../lib/api";
import { ApiError, networkError, problemFrom } from "../../lib/problem";
import { endSession, session } from "../../lib/session";

const SESSION_ENDED = "Your session has ended. Please sign in again.";

/**
 * A coordinator's read of a pair's confidential records carries the reason chosen on opening
 * the pair (the `Read-Reason` header). lib/api's `api()` sends no extra headers, so this is the
 * same call with one more header: one refresh and one retry on a 401, like `api()`.
 */
async function readWithReason<T>(path: string, reason: ReadReason): Promise<T> {
  const current = session.get();
  if (!current) throw new ApiError(401, "unauthorized", SESSION_ENDED);
  const call = async (token: string) => {
    try {
      return await fetch(path, {
        credentials: "same-origin",
        headers: {
          accept: "application/json",
          authorization: `Bearer ${token}`,
          "read-reason": reason,
        },
      });
    } catch {
      throw networkError();
    }
  };
  let res = await call(current.accessToken);
  if (res.status === 401) {
    const latest = session.get()?.accessToken;
    const renewed =
      (latest !== undefined && latest !== current.accessToken) ||
      (await refreshSession(current.slug));
    const token = session.get()?.accessToken;
    if (!renewed || !token) {
      endSession(current.slug, SESSION_ENDED);
      throw new ApiError(401, "unauthorized", SESSION_ENDED);
    }
    res = await call(token);
  }
  if (!res.ok) throw await problemFrom(res);
  return (await res.json()) as T;
}

/** A GET of a pair's records: with the coordinator's reason when there is one. */
export const pairRead = <T>(path: string, reason: ReadReason | null | undefined): Promise<T> =>
  reason ? readWithReason<T>(path, reason) : api<T>(path);

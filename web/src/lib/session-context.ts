import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ActiveSession } from "./session";

/**
 * The session as the signed-in frame last drew it. Pages read it from here rather than from
 * the session store, so a page never renders against a session that has just ended.
 */
export const SessionContext = createContext<ActiveSession | null>(null);

export function useActiveSession(): ActiveSession {
  const current = useContext(SessionContext);
  if (!current) throw new Error("useActiveSession is only for pages inside <SignedIn>.");
  return current;
}

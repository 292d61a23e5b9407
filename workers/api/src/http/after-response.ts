import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/** Runs `task` after the response is sent; on Workers through waitUntil, elsewhere tracked. */
export function afterResponse(c: Context<AppEnv>, name: string, task: () => Promise<unknown>) {
  let waitUntil: ((p: Promise<unknown>) => void) | undefined;
  try {
    const executionCtx = c.executionCtx;
    waitUntil = (p) => executionCtx.waitUntil(p);
  } catch {
    // Node: no ExecutionContext; the process lives on, and the task is tracked.
  }
  c.get("platform").background.run(name, task, waitUntil);
}

import type { ServerResponse } from "node:http";
import { setOnResponse } from "../workers/shared/src/platform/assemble-platform";

/**
 * Headers every answer carries, written straight onto the socket's response when the request
 * came through the Node server. On the answer itself they would be fetch `Headers`, which
 * validate each value and which `@hono/node-server` then copies into a plain object again:
 * that cost about 8 µs of a 34 µs `/healthz` (measured). Node sends a header the answer sets
 * itself in place of the one set here, so the answer's own still wins.
 */
export function setAnswerHeaders(
  response: Response,
  env: unknown,
  headers: Readonly<Record<string, string>>,
): void {
  const outgoing = (env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  // `app.request()` in tests and scripts has no socket.
  if (!outgoing) setOnResponse(response, env, headers);
  else for (const name in headers) outgoing.setHeader(name, headers[name]!);
}

import type { MiddlewareHandler } from "hono";
import { AppError } from "../../../shared/src/contracts/common/errors";
import type { AppEnv } from "../http/app-env";
import { bearerToken } from "./tenant-context";

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** Compares digests so the comparison takes the same time whatever the guess. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/** Guards the operator API with the OPERATOR_TOKEN secret. */
export function operatorAuth(): MiddlewareHandler<AppEnv> {
  return async function operatorAuth(c, next) {
    const token = bearerToken(c.req.header("authorization"));
    if (!token || !(await sameSecret(token, c.get("platform").operatorToken))) {
      throw new AppError("unauthorized", "A valid operator token is required.");
    }
    await next();
  };
}

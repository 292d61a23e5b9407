import { AppError } from "./errors";
import type { Platform } from "./platform";

export interface VerifiedClient {
  clientId: string;
  tenantId: string;
  scopes: string[];
}

/**
 * Verifies a JWT an integration signed (RFC 7523 style) against its registered keys, and
 * records its jti so it cannot be replayed. Throws 401 for anything else.
 */
export async function verifyClientAssertion(
  _platform: Platform,
  _token: string,
  _now: Date,
): Promise<VerifiedClient> {
  throw new AppError("unauthorized", "API client tokens are not accepted yet.");
}

import type { Context } from "hono";
import { type AccessClaims, signAccessToken } from "../../../../shared/src/security/access-tokens";
import { hashPassword, verifyPassword } from "../../../../shared/src/security/passwords";
import type { AppEnv } from "../../http/app-env";

/**
 * The platform secrets identity verbs need (the password pepper, the signing keys), each bound
 * into a capability: a verb can hash or sign, but never holds the secret itself, and no other
 * feature's context carries either.
 */
export interface Credentials {
  hashPassword(password: string): Promise<string>;
  /** Throws PasswordHashError for a stored hash this build refuses. */
  verifyPassword(password: string, stored: string): Promise<boolean>;
  signAccessToken(claims: AccessClaims, now: Date, ttlSeconds: number): Promise<string>;
}

export function credentials(c: Context<AppEnv>): Credentials {
  const { passwordPepper, signingKeys, tokenAudience } = c.get("platform");
  return {
    hashPassword: (password) => hashPassword(password, passwordPepper),
    verifyPassword: (password, stored) => verifyPassword(password, stored, passwordPepper),
    signAccessToken: (claims, now, ttl) =>
      signAccessToken(signingKeys, tokenAudience, claims, now, ttl),
  };
}

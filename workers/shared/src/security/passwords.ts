import { base64url } from "jose";

/**
 * Member passwords: PBKDF2-SHA256 over HMAC-SHA256(pepper, password), WebCrypto only so the
 * same code runs in Workers and on Node. Parameters are stored beside each hash so they can
 * change later; `needsRehash` tells sign-in to upgrade a hash made with older ones.
 */
const scheme = "pbkdf2-sha256";
export const passwordIterations = 100_000;
/**
 * Cloudflare Workers refuse PBKDF2 above 100,000 iterations in production, but local workerd
 * does not, so a higher stored or configured value would pass every test and fail live.
 */
export const maxPasswordIterations = 100_000;
const saltBytes = 16;
const hashBits = 256;

/** A stored or configured hash this code must not (or cannot) verify. */
export class PasswordHashError extends Error {
  override name = "PasswordHashError";
}

interface ParsedHash {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array<ArrayBuffer>;
}

function checkIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new PasswordHashError("Password hash iterations must be a positive integer.");
  }
  if (iterations > maxPasswordIterations) {
    throw new PasswordHashError(
      `Password hash asks for ${iterations} PBKDF2 iterations; ` +
        `Workers run at most ${maxPasswordIterations}.`,
    );
  }
}

function parseHash(stored: string): ParsedHash {
  const parts = stored.split("$");
  const [name, iterations, salt, hash] = parts;
  if (parts.length !== 4 || name !== scheme || !/^\d{1,10}$/.test(iterations ?? "")) {
    throw new PasswordHashError("Unrecognized password hash format.");
  }
  try {
    return {
      iterations: Number(iterations),
      salt: new Uint8Array(base64url.decode(salt ?? "")),
      hash: new Uint8Array(base64url.decode(hash ?? "")),
    };
  } catch {
    throw new PasswordHashError("Unrecognized password hash encoding.");
  }
}

async function derive(
  password: string,
  pepper: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  // The last line of defence: nothing reaches deriveBits above the production cap.
  checkIterations(iterations);
  const encoder = new TextEncoder();
  const pepperKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(pepper),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const peppered = await crypto.subtle.sign("HMAC", pepperKey, encoder.encode(password));
  const baseKey = await crypto.subtle.importKey("raw", peppered, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    baseKey,
    hashBits,
  );
  return new Uint8Array(bits);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i % b.length] ?? 0);
  return diff === 0;
}

export async function hashPassword(
  password: string,
  pepper: string,
  opts: { iterations?: number } = {},
): Promise<string> {
  const iterations = opts.iterations ?? passwordIterations;
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes));
  const hash = await derive(password, pepper, salt, iterations);
  return [scheme, iterations, base64url.encode(salt), base64url.encode(hash)].join("$");
}

/** True when the password matches. Throws PasswordHashError for a hash it will not verify. */
export async function verifyPassword(
  password: string,
  stored: string,
  pepper: string,
): Promise<boolean> {
  const parsed = parseHash(stored);
  checkIterations(parsed.iterations);
  if (parsed.salt.length === 0 || parsed.hash.length === 0) {
    throw new PasswordHashError("Password hash has an empty salt or digest.");
  }
  const candidate = await derive(password, pepper, parsed.salt, parsed.iterations);
  return constantTimeEqual(candidate, parsed.hash);
}

/** True when a (verified) hash was made with other parameters than today's. */
export function needsRehash(stored: string): boolean {
  try {
    const parsed = parseHash(stored);
    return (
      parsed.iterations !== passwordIterations ||
      parsed.salt.length !== saltBytes ||
      parsed.hash.length !== hashBits / 8
    );
  } catch {
    return true;
  }
}

/**
 * Verified in place of a missing account or password, so an unknown email costs as much time
 * as a wrong password. No password matches it: its digest is not derived from any input.
 */
export const unmatchablePasswordHash = [
  scheme,
  passwordIterations,
  "A".repeat(22),
  "A".repeat(43),
].join("$");

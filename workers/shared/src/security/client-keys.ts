import { base64url, calculateJwkThumbprint, importJWK } from "jose";
import * as v from "valibot";
import { AppError } from "../contracts/common/errors";

/** Signature algorithms an integration may sign with; each is tied to exactly one key type. */
export const clientAlgorithms = ["ES256", "EdDSA", "RS256"] as const;
export type ClientAlgorithm = (typeof clientAlgorithms)[number];

/** A registered public key as stored: public members only, with `alg`, `use` and `kid` set. */
export type ClientJwk = PublicMembers & { alg: ClientAlgorithm; use: "sig"; kid: string };

// A type literal, not jose's JWK interface, so a key list stores as a JSON column's records.
type PublicMembers = {
  kty: "EC" | "OKP" | "RSA";
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
};

/** At most this many keys per client: enough to rotate (new key first, old one kept) calmly. */
export const maxClientKeys = 3;

const minRsaBits = 2048;

// Members that only a private or symmetric key carries. Refused outright rather than stripped:
// someone who pastes a private key has leaked it and must be told, not silently helped.
const privateMember = v.optional(
  v.never("This is a private key member: register the public key only (and replace this key)."),
);
const privateMembers = {
  d: privateMember,
  p: privateMember,
  q: privateMember,
  dp: privateMember,
  dq: privateMember,
  qi: privateMember,
  oth: privateMember,
  k: privateMember,
};

const base64urlText = (member: string) =>
  v.pipe(
    v.string(`${member} must be a base64url string.`),
    v.regex(/^[A-Za-z0-9_-]+$/, `${member} must be base64url (no padding).`),
  );

export const kidSchema = v.pipe(
  v.string("kid must be text."),
  v.regex(/^[\x21-\x7e]{1,128}$/, "kid must be 1–128 visible ASCII characters."),
);

const common = {
  kid: v.optional(kidSchema),
  use: v.optional(v.literal("sig", 'use must be "sig": this key verifies signatures.')),
  ...privateMembers,
};

/** Bit length of an RSA modulus given as base64url; 0 when it is not decodable. */
function modulusBits(n: string): number {
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(n);
  } catch {
    return 0;
  }
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  return (bytes.length - start - 1) * 8 + bytes[start]!.toString(2).length;
}

const ecKey = v.object({
  kty: v.literal("EC"),
  crv: v.literal("P-256", 'EC keys must use crv "P-256" (ES256).'),
  x: base64urlText("x"),
  y: base64urlText("y"),
  alg: v.optional(v.literal("ES256", "EC P-256 keys sign with ES256."), "ES256"),
  ...common,
});

const okpKey = v.object({
  kty: v.literal("OKP"),
  crv: v.literal("Ed25519", 'OKP keys must use crv "Ed25519" (EdDSA).'),
  x: base64urlText("x"),
  alg: v.optional(v.literal("EdDSA", "Ed25519 keys sign with EdDSA."), "EdDSA"),
  ...common,
});

const rsaKey = v.object({
  kty: v.literal("RSA"),
  n: v.pipe(
    base64urlText("n"),
    v.check((n) => modulusBits(n) >= minRsaBits, `RSA keys must be at least ${minRsaBits} bits.`),
  ),
  e: base64urlText("e"),
  alg: v.optional(v.literal("RS256", "RSA keys sign with RS256."), "RS256"),
  ...common,
});

/** The shape of a JWK an admin may register; `toClientJwk` finishes the checks. */
export const clientJwkSchema = v.variant(
  "kty",
  [ecKey, okpKey, rsaKey],
  'jwk must be a public key with kty "EC" (ES256), "OKP" (EdDSA) or "RSA" (RS256).',
);
export type ClientJwkInput = v.InferOutput<typeof clientJwkSchema>;

function publicMembers(jwk: ClientJwkInput): PublicMembers {
  switch (jwk.kty) {
    case "EC":
      return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
    case "OKP":
      return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
    case "RSA":
      return { kty: jwk.kty, n: jwk.n, e: jwk.e };
  }
}

// The members an RFC 7638 thumbprint hashes, by key type: two keys have the same thumbprint
// exactly when these are equal, so comparing them needs no hashing.
const thumbprintMembers = {
  EC: ["crv", "kty", "x", "y"],
  OKP: ["crv", "kty", "x"],
  RSA: ["e", "kty", "n"],
} as const;

type KeyLike = { kty?: string; crv?: string; x?: string; y?: string; n?: string; e?: string };

/** Whether `jwk` has the thumbprint of one of `keys` (the platform's signing keys, say). */
export function sameKeyAsAny(jwk: KeyLike, keys: readonly KeyLike[]): boolean {
  const names = thumbprintMembers[jwk.kty as keyof typeof thumbprintMembers];
  if (!names) return false;
  return keys.some((key) => names.every((name) => key[name] === jwk[name]));
}

const invalidKey = (field: string, message: string) =>
  new AppError("validation", `${field}: ${message}`, { errors: [{ field, message }] });

/**
 * Turns a schema-checked JWK into the stored form: proves it imports as a verification key of
 * its algorithm (a point on the curve, a usable modulus), refuses the platform's own signing
 * keys (`platformKeys`: a client holding one would share the key every access token is signed
 * with) and gives it a `kid` when it has none, the RFC 7638 thumbprint, so a rotation can tell
 * the keys apart.
 */
export async function toClientJwk(
  jwk: ClientJwkInput,
  platformKeys: readonly KeyLike[],
  field = "jwk",
): Promise<ClientJwk> {
  const members = publicMembers(jwk);
  try {
    await importJWK(members, jwk.alg);
  } catch {
    throw invalidKey(field, `This is not a valid ${jwk.alg} public key.`);
  }
  if (sameKeyAsAny(members, platformKeys)) {
    throw invalidKey(
      field,
      "This is one of Tandem's own signing keys (see /.well-known/jwks.json), not the " +
        "integration's: register a public key whose private half only the integration holds.",
    );
  }
  const kid = jwk.kid ?? (await calculateJwkThumbprint(members, "sha256"));
  return { ...members, alg: jwk.alg, use: "sig", kid };
}

/**
 * Why a JWKS URL may not be used, or null when it may. Checked at registration and again at
 * every verification, so shrinking JWKS_HOST_ALLOWLIST takes effect for existing clients too.
 */
export function jwksUrlProblem(raw: string, allowlist: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "jwksUrl must be a URL.";
  }
  if (url.protocol !== "https:") return "jwksUrl must use https.";
  if (url.username || url.password) return "jwksUrl must not carry credentials.";
  if (allowlist.length === 0) {
    return "This deployment accepts no JWKS URLs (JWKS_HOST_ALLOWLIST is empty); register a jwk.";
  }
  const host = url.hostname.toLowerCase();
  if (!allowlist.includes(host) && !allowlist.includes(url.host.toLowerCase())) {
    return `The host "${host}" is not in this deployment's JWKS_HOST_ALLOWLIST.`;
  }
  return null;
}

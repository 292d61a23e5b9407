import * as v from "valibot";
import { AppError } from "../contracts/common/errors";
import { unseal } from "../platform/seal";

/**
 * The token in a reminder email's "change how Tandem reminds you" link. It opens one member's
 * reminder channels in one organization without signing in, and nothing else: it is sealed
 * (AES-GCM) with the platform's seal key, so it cannot be forged or altered, and it names its
 * purpose, the organization, the member and when it expires. It is not single-use: the same
 * email's link keeps working until it expires, as people expect of an unsubscribe-style link.
 */
export const preferenceLinkPurpose = "notification-preferences";
export const preferenceLinkDays = 90;
const dayMs = 24 * 60 * 60 * 1000;

const sealedClaims = v.object({
  purpose: v.string(),
  slug: v.string(),
  memberId: v.string(),
  expiresAt: v.number(),
});

/** A new token for `memberId` of the organization `slug`, sealed by `seal`. */
export function preferenceLinkToken(
  seal: (plaintext: string) => Promise<string>,
  p: { slug: string; memberId: string; now: Date },
): Promise<string> {
  const claims: v.InferOutput<typeof sealedClaims> = {
    purpose: preferenceLinkPurpose,
    slug: p.slug,
    memberId: p.memberId,
    expiresAt: p.now.getTime() + preferenceLinkDays * dayMs,
  };
  return seal(JSON.stringify(claims)).then(urlSafe);
}

// Sealed values are base64; the link carries them base64url, so they need no escaping.
const urlSafe = (sealed: string) =>
  sealed.replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
function fromUrlSafe(token: string): string {
  const [version, ...parts] = token.split(".");
  const base64 = parts.map((part) => {
    const plain = part.replaceAll("-", "+").replaceAll("_", "/");
    return plain.padEnd(Math.ceil(plain.length / 4) * 4, "=");
  });
  return [version, ...base64].join(".");
}

const invalid = () =>
  new AppError(
    "unauthorized",
    "This link is not valid. Use the link in your latest reminder email, or sign in to change how Tandem reminds you.",
  );

/** The member a token names, or a 401 when it is not one of ours, for elsewhere, or expired. */
export async function openPreferenceLink(
  sealKey: string,
  token: string,
  p: { slug: string; now: Date },
): Promise<{ memberId: string }> {
  let claims: v.InferOutput<typeof sealedClaims>;
  try {
    claims = v.parse(sealedClaims, JSON.parse(await unseal(sealKey, fromUrlSafe(token))));
  } catch {
    throw invalid();
  }
  if (claims.purpose !== preferenceLinkPurpose || claims.slug !== p.slug) throw invalid();
  if (claims.expiresAt <= p.now.getTime()) {
    throw new AppError(
      "unauthorized",
      "This link has expired. Use the link in a newer reminder email, or sign in to change how Tandem reminds you.",
    );
  }
  return { memberId: claims.memberId };
}

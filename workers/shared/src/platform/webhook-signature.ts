/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com), with WebCrypto: the
 * `standardwebhooks` package would bring a pure-JS SHA-256 and a base64 library for what both
 * runtimes already do natively in a few lines. A receiver verifies with any Standard Webhooks
 * library and the target's `whsec_…` secret.
 */
const encoder = new TextEncoder();
const prefix = "whsec_";

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** A new signing secret: `whsec_` and 32 random bytes, base64. */
export function newWebhookSecret(): string {
  return prefix + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/** The headers that sign `body`: id, seconds since the epoch, and `v1,<HMAC-SHA256>`. */
export async function webhookSignatureHeaders(
  secret: string,
  post: { id: string; at: Date; body: string },
): Promise<Record<string, string>> {
  const raw = Uint8Array.from(atob(secret.slice(prefix.length)), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const timestamp = String(Math.floor(post.at.getTime() / 1000));
  const signed = encoder.encode(`${post.id}.${timestamp}.${post.body}`);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, signed));
  return {
    "webhook-id": post.id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${toBase64(mac)}`,
  };
}

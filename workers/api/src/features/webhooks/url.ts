/**
 * What an admin may enter as a webhook target, and how it is shown afterwards. The URL of an
 * incoming webhook is itself the credential to post, so it is checked once here, sealed at
 * rest, and shown only as its host and a masked path.
 */

const localHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Hosts inside the network (loopback, private, link-local): never a chat tool's webhook. */
function isInternal(host: string): boolean {
  if (localHosts.has(host) || host.endsWith(".localhost") || host === "0.0.0.0") return true;
  if (host.startsWith("[")) return true;
  const octets = host.split(".").map(Number);
  if (octets.length !== 4 || octets.some((n) => !Number.isInteger(n))) return false;
  const [a, b] = octets as [number, number, number, number];
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    a === 0
  );
}

/** Why `raw` cannot be a webhook target, in an admin's words; null when it can. */
export function webhookUrlProblem(raw: string, allowLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "URL must be a web address such as https://hooks.slack.com/services/….";
  }
  if (url.username || url.password) return "URL must not carry a user name or password.";
  const host = url.hostname.toLowerCase();
  const local = localHosts.has(host);
  if (url.protocol === "http:" && local && allowLocal) return null;
  if (url.protocol !== "https:") return "URL must start with https://.";
  if (url.port !== "" && !(local && allowLocal)) return "URL must use the default https port.";
  if (isInternal(host) && !(local && allowLocal)) {
    return "URL must point at a public service, not an address inside a network.";
  }
  return null;
}

/**
 * `hooks.slack.com/services/T0…/••••`: the host and the start of the path, enough to tell
 * targets apart. The rest of the path and the query, where the token lives, stay hidden.
 */
export function maskedUrl(raw: string): string {
  const url = new URL(raw);
  const segments = url.pathname.split("/").filter(Boolean);
  // Only a short leading segment followed by more (`services/…`, `webhookb2/…`) is shown.
  const first = segments.length > 1 && segments[0]!.length <= 16 ? `${segments[0]}/` : "";
  return `${url.host}/${first}••••`;
}

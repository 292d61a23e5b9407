import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A chat tool's incoming webhook on a local port (what Slack or Teams would be): it records
 * each post and answers from a script (200 once the script runs out). Like a receiver that
 * honours `webhook-id`, it keeps one post per id, so `accepted` is what the channel shows.
 */
export interface ReceivedPost {
  headers: IncomingHttpHeaders;
  /** The body exactly as sent: what the signature covers. */
  raw: string;
  body: { text: string };
  status: number;
  replay: boolean;
}

export interface WebhookSink {
  /** The incoming webhook's URL; its path stands for the secret token chat tools put there. */
  url: string;
  posts: ReceivedPost[];
  accepted(): ReceivedPost[];
  script: number[];
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const seen = new Set<string>();
  const sink = {
    posts: [] as ReceivedPost[],
    script: [] as number[],
    accepted: () => sink.posts.filter((p) => p.status < 300 && !p.replay),
  };
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const id = String(req.headers["webhook-id"] ?? "");
      const replay = seen.has(id);
      const status = replay ? 200 : (sink.script.shift() ?? 200);
      if (status < 300) seen.add(id);
      sink.posts.push({ headers: req.headers, raw, body: JSON.parse(raw), status, replay });
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(sink, {
    url: `http://127.0.0.1:${port}/services/T000/B000/token-${crypto.randomUUID()}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/**
 * Verifies a post as the Standard Webhooks spec tells receivers to, written from the spec
 * with node:crypto (not with the code under test): HMAC-SHA256 over `id.timestamp.body`
 * with the base64 key after `whsec_`, compared in constant time with each `v1,` signature.
 */
export function verifiesWith(secret: string, post: ReceivedPost): boolean {
  const id = String(post.headers["webhook-id"]);
  const timestamp = String(post.headers["webhook-timestamp"]);
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${post.raw}`).digest();
  return String(post.headers["webhook-signature"])
    .split(" ")
    .map((s) => s.split(","))
    .some(
      ([version, sig]) =>
        version === "v1" &&
        sig !== undefined &&
        Buffer.from(sig, "base64").length === expected.length &&
        timingSafeEqual(Buffer.from(sig, "base64"), expected),
    );
}

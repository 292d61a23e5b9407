import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An email provider's HTTP API on a local port, standing in for Resend: it records what Tandem
 * sent and answers from a script (202 once the script runs out). Like Resend, it keeps one
 * message per Idempotency-Key, so `accepted` is what a recipient would find in their inbox.
 */
export interface SentRequest {
  headers: IncomingHttpHeaders;
  body: { from: string; to: string; subject: string; text: string };
  status: number;
  /** A key already accepted: answered as before, delivering nothing new. */
  replay: boolean;
}

export interface MailProvider {
  url: string;
  /** Every request, in order of arrival, with the status it got: what Tandem sent. */
  requests: SentRequest[];
  /** Messages delivered: accepted (2xx) and not replays, so one per idempotency key. */
  accepted(): SentRequest[];
  /** Statuses for the next requests, in order. */
  script: number[];
  /** Statuses for the next requests to one address, in order (before `script`). */
  scriptFor: Record<string, number[]>;
  /** Milliseconds each answer waits: makes concurrent deliverers overlap. */
  delayMs: number;
  env: { MAIL_API_URL: string; MAIL_API_KEY: string; MAIL_FROM: string };
  close(): Promise<void>;
}

export const providerKey = "re_test_key_never_logged_3c1f";

export async function startMailProvider(): Promise<MailProvider> {
  const seenKeys = new Set<string>();
  const provider = {
    requests: [] as SentRequest[],
    script: [] as number[],
    scriptFor: {} as Record<string, number[]>,
    delayMs: 0,
    accepted: () => provider.requests.filter((r) => r.status < 300 && !r.replay),
  };
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", async () => {
      await new Promise((r) => setTimeout(r, provider.delayMs));
      const key = String(req.headers["idempotency-key"] ?? "");
      const body = JSON.parse(text) as SentRequest["body"];
      const replay = seenKeys.has(key);
      const scripted = provider.scriptFor[body.to]?.shift() ?? provider.script.shift();
      const status = replay ? 200 : (scripted ?? 202);
      if (status < 300) seenKeys.add(key);
      provider.requests.push({ headers: req.headers, body, status, replay });
      res.writeHead(status, { "content-type": "application/json" }).end('{"id":"msg_1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/emails`;
  return Object.assign(provider, {
    url,
    env: {
      MAIL_API_URL: url,
      MAIL_API_KEY: providerKey,
      MAIL_FROM: "Tandem <no-reply@tandem.test>",
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

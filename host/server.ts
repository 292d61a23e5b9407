import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { apiRoutes } from "../workers/api/src/app";
import type { AppEnv } from "../workers/api/src/http/app-env";
import { onError } from "../workers/api/src/http/problem";
import { jsonLogger, type Logger } from "../workers/shared/src/platform/log";
import { recordHostAddress } from "./address-file";
import { answerClientErrors } from "./client-errors";
import { loadHostConfig } from "./config";
import { DevMailbox } from "./dev-mailbox";
import { InProcessQueue } from "./in-process-queue";
import { type NodePlatform, nodePlatform } from "./platform";
import { consumeSchedulerQueue, startScheduler } from "./scheduler";
import { stdoutLines } from "./stdout-lines";
import { webRoutes } from "./web";

export const webDist = fileURLToPath(new URL("../web/dist", import.meta.url));

export interface RunningHost {
  url: string;
  platform: NodePlatform;
  queue: InProcessQueue;
  close(): Promise<void>;
}

export interface HostOptions {
  port?: number;
  dataDir: string;
  /** false: no cron tick (sweeps); outbox deliveries asked for by requests still run. */
  scheduler?: boolean;
  log?: Logger;
  env?: NodeJS.ProcessEnv;
  /** The built web client; `web/dist` unless a test serves its own files. */
  webDir?: string;
}

/** The embedded default: API, web client and scheduler in one Node process. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  // By default one JSON line per request and event on stdout, written once per loop turn.
  const lines = opts.log ? null : stdoutLines();
  const log = opts.log ?? jsonLogger(lines!.write);
  // Listen first: the public URL (token issuer, email links, the Origin that cookie routes
  // accept) must name the port actually bound, including when port 0 picks a free one.
  let handle: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    new Response("Tandem is starting", { status: 503, headers: { "retry-after": "1" } });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: (request, env) => handle(request, env),
        port: opts.port ?? 8787,
        hostname: "127.0.0.1",
      },
      () => resolve(s),
    );
  });
  answerClientErrors(server as Server);
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const config = await loadHostConfig({
    dataDir: opts.dataDir,
    publicUrl: url,
    ...(opts.env ? { env: opts.env } : {}),
  });
  const queue = new InProcessQueue({ log });
  const platform = await nodePlatform(config, queue, log);
  // Without the cron tick, the queue still delivers what requests write to the outbox.
  consumeSchedulerQueue(platform, queue);
  const cron = opts.scheduler === false ? null : startScheduler(platform, queue, log);

  const host = new Hono<AppEnv>();
  // The API's one error mapping, for everything this host serves.
  host.onError(onError);
  // Deciding whether to compress reads the answer's headers, which makes the Node adapter
  // build a full Response (about 30 µs on /healthz, measured): only for clients that take it.
  const compressText = compress();
  host.use(function compressForClientsThatAccept(c, next) {
    if (!c.req.header("accept-encoding")) return next();
    return compressText(c, next);
  });
  // Local development only: with no email provider configured, mail lands in the dev
  // mailbox, readable here by the web client. The host listens on loopback.
  const mailbox = platform.mail;
  if (mailbox instanceof DevMailbox) {
    host.get("/dev/mailbox", (c) =>
      c.json({ items: mailbox.list({ to: c.req.query("to") ?? "", limit: 50 }) }),
    );
  }
  host.route("/", apiRoutes(platform));
  const webDir = opts.webDir ?? webDist;
  if (!existsSync(webDir)) log.warn("web/dist is missing; run `npm run build:web`");
  host.route("/", webRoutes(webDir));
  handle = (request, env) => host.fetch(request, env);
  const forgetAddress = recordHostAddress(config.dataDir, url);

  return {
    url,
    platform,
    queue,
    async close() {
      cron?.stop();
      forgetAddress();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Deliveries asked for after a response still run before the databases close; retries
      // waiting for their backoff are left to the next start's first sweep.
      await platform.background.idle();
      queue.close();
      await queue.idle();
      platform.close();
      lines?.flush();
    },
  };
}

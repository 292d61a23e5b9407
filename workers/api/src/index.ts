import { edgePlatform } from "../../shared/src/platform/edge-platform";
import { apiEnvSchema, readEnv } from "../../shared/src/platform/env";
import { describeError, jsonLogger } from "../../shared/src/platform/log";
import type { SweepQueue } from "../../shared/src/platform/platform";
import { type App, createApp } from "./app";
import { problemResponse } from "./http/problem";

interface Bindings {
  SWEEP_QUEUE: SweepQueue;
  [key: string]: unknown;
}

let app: Promise<App> | undefined;

/** Validates the environment once per isolate; a bad one fails every request clearly. */
function appFor(env: Bindings): Promise<App> {
  app ??= (async () =>
    createApp(await edgePlatform(readEnv(apiEnvSchema, env), env.SWEEP_QUEUE)))();
  return app;
}

export default {
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
    let built: App;
    try {
      built = await appFor(env);
    } catch (err) {
      app = undefined;
      const requestId = crypto.randomUUID();
      jsonLogger().error("startup failed", { requestId, error: describeError(err) });
      return problemResponse(
        "misconfigured",
        503,
        "The service is misconfigured; operators have been told why.",
        requestId,
      );
    }
    return built.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Bindings>;

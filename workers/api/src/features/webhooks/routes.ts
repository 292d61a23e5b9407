import { Hono } from "hono";
import { idParam } from "../../../../shared/src/contracts/common/params";
import { outboxEntry } from "../../../../shared/src/contracts/outbox";
import {
  addedWebhookTarget,
  addWebhookTargetInput,
  changeWebhookTargetInput,
  webhookTargetPage,
  webhookTargetQuery,
  webhookTargetView,
} from "../../../../shared/src/contracts/webhooks";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { validate } from "../../http/validator";
import { webhooksCtx } from "./context";
import {
  addWebhookTarget,
  changeWebhookTarget,
  listWebhookTargets,
  removeWebhookTarget,
} from "./targets";
import { sendTestPost } from "./test-post";

/** Mounted at /v1/webhook-targets: where coordinator reminders are posted, for admins. */
export const webhookRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("webhooks:manage"),
    validate("query", webhookTargetQuery),
    responds(200, webhookTargetPage),
    async (c) =>
      c.json(await listWebhookTargets({ ctx: webhooksCtx(c), input: c.req.valid("query") })),
  )
  .post(
    "/",
    allows.admins("webhooks:manage"),
    validate("json", addWebhookTargetInput),
    responds(201, addedWebhookTarget),
    async (c) =>
      c.json(await addWebhookTarget({ ctx: webhooksCtx(c), input: c.req.valid("json") }), 201),
  )
  .patch(
    "/:id",
    allows.admins("webhooks:manage"),
    validate("param", idParam),
    validate("json", changeWebhookTargetInput),
    responds(200, webhookTargetView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await changeWebhookTarget({ ctx: webhooksCtx(c), input }));
    },
  )
  .delete(
    "/:id",
    allows.admins("webhooks:manage"),
    validate("param", idParam),
    responds(204),
    async (c) => {
      await removeWebhookTarget({ ctx: webhooksCtx(c), input: c.req.valid("param") });
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/test",
    allows.admins("webhooks:manage"),
    validate("param", idParam),
    responds(201, outboxEntry),
    // The new delivery; it is sent after the answer (deliverWrittenOutbox, app.ts).
    async (c) =>
      c.json(await sendTestPost({ ctx: webhooksCtx(c), input: c.req.valid("param") }), 201),
  );

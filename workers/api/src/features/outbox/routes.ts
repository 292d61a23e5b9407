import { Hono } from "hono";
import { idParam } from "../../../../shared/src/contracts/common/params";
import { outboxEntry, outboxPage, outboxQuery } from "../../../../shared/src/contracts/outbox";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { deliverSoon } from "./deliver-soon";
import { listOutbox } from "./list";
import { retryDelivery } from "./retry";

/** Mounted at /v1/outbox: what the organization sent or tried to, for its admins. */
export const outboxRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("outbox:manage"),
    validate("query", outboxQuery),
    responds(200, outboxPage),
    async (c) => c.json(await listOutbox({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .post(
    "/:id/retry",
    allows.admins("outbox:manage"),
    validate("param", idParam),
    responds(200, outboxEntry),
    async (c) => {
      const entry = await retryDelivery({ ctx: tenantCtx(c), input: c.req.valid("param") });
      // The row is due again; the queue consumer need not wait for the next sweep.
      deliverSoon(c, c.get("tenant"));
      return c.json(entry);
    },
  );

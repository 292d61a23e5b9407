import { Hono } from "hono";
import * as v from "valibot";
import { outboxStatus } from "../../../../shared/src/contracts/outbox";
import type { AppEnv } from "../../http/app-env";
import { pageQuery } from "../../http/pagination";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { deliverSoon } from "./deliver-soon";
import { listOutbox } from "./list";
import { retryDelivery } from "./retry";

const listQuery = v.object({ ...pageQuery.entries, status: v.optional(outboxStatus) });
const idParam = v.object({ id: v.pipe(v.string(), v.maxLength(100, "id is too long.")) });

/** Mounted at /v1/outbox: what the organization sent or tried to, for its admins. */
export const outboxRoutes = new Hono<AppEnv>()
  .get("/", validate("query", listQuery), async (c) =>
    c.json(await listOutbox({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .post("/:id/retry", validate("param", idParam), async (c) => {
    const entry = await retryDelivery({ ctx: tenantCtx(c), input: c.req.valid("param") });
    // The row is due again; the queue consumer need not wait for the next sweep.
    deliverSoon(c, c.get("tenant"));
    return c.json(entry);
  });

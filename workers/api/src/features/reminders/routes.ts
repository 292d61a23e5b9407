import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  reminderItem,
  reminderKeyParam,
  remindersPage,
  remindersQuery,
} from "../../../../shared/src/contracts/reminders";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { deliverSoon } from "../outbox";
import { listReminders } from "./list";
import { retryReminder } from "./retry";

/**
 * Mounted at /v1/programs/:programId/reminders. The program's coordinators (admins, signed
 * in) only: no one scope covers what reminders tell of every pair and which emails failed.
 */
export const remindersRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("reminders:manage"),
    validate("param", programParam),
    validate("query", remindersQuery),
    responds(200, remindersPage),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await listReminders({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:key/retry",
    allows.admins("reminders:manage"),
    validate("param", reminderKeyParam),
    responds(200, reminderItem),
    async (c) => {
      const item = await retryReminder({ ctx: tenantCtx(c), input: c.req.valid("param") });
      // Its email is due again; the queue consumer need not wait for the next sweep.
      deliverSoon(c, c.get("tenant"));
      return c.json(item);
    },
  );

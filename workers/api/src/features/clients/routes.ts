import { Hono } from "hono";
import {
  addClientKeyInput,
  clientList,
  clientView,
  registerClientInput,
} from "../../../../shared/src/contracts/clients";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { validate } from "../../http/validator";
import { clientsCtx } from "./context";
import { addClientKey, removeClientKey } from "./key-rotation";
import { listClients, registerClient, revokeClient } from "./registry";

/** API clients of integrations: admins register them, rotate their keys and revoke them. */
export const clientsRoutes = new Hono<AppEnv>()
  .get("/", allows.admins("clients:manage"), responds(200, clientList), async (c) =>
    c.json(await listClients({ ctx: clientsCtx(c) })),
  )
  .post(
    "/",
    allows.admins("clients:manage"),
    validate("json", registerClientInput),
    responds(201, clientView),
    async (c) =>
      c.json(await registerClient({ ctx: clientsCtx(c), input: c.req.valid("json") }), 201),
  )
  .post(
    "/:id/keys",
    allows.admins("clients:manage"),
    validate("json", addClientKeyInput),
    responds(200, clientView),
    async (c) =>
      c.json(
        await addClientKey({
          ctx: clientsCtx(c),
          clientId: c.req.param("id"),
          input: c.req.valid("json"),
        }),
      ),
  )
  .delete("/:id/keys/:kid", allows.admins("clients:manage"), responds(200, clientView), async (c) =>
    c.json(
      await removeClientKey({
        ctx: clientsCtx(c),
        clientId: c.req.param("id"),
        kid: c.req.param("kid"),
      }),
    ),
  )
  .post("/:id/revoke", allows.admins("clients:manage"), responds(200, clientView), async (c) =>
    c.json(await revokeClient({ ctx: clientsCtx(c), clientId: c.req.param("id") })),
  );

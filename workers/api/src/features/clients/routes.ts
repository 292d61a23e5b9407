import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { validate } from "../../http/validator";
import { listClients, registerClient, registerClientBody, revokeClient } from "./clients";
import { clientsCtx } from "./context";
import { addClientKey, addClientKeyBody, removeClientKey } from "./key-rotation";

/** API clients of integrations: admins register them, rotate their keys and revoke them. */
export const clientsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listClients({ ctx: clientsCtx(c) })))
  .post("/", validate("json", registerClientBody), async (c) =>
    c.json(await registerClient({ ctx: clientsCtx(c), input: c.req.valid("json") }), 201),
  )
  .post("/:id/keys", validate("json", addClientKeyBody), async (c) =>
    c.json(
      await addClientKey({
        ctx: clientsCtx(c),
        clientId: c.req.param("id"),
        input: c.req.valid("json"),
      }),
    ),
  )
  .delete("/:id/keys/:kid", async (c) =>
    c.json(
      await removeClientKey({
        ctx: clientsCtx(c),
        clientId: c.req.param("id"),
        kid: c.req.param("kid"),
      }),
    ),
  )
  .post("/:id/revoke", async (c) =>
    c.json(await revokeClient({ ctx: clientsCtx(c), clientId: c.req.param("id") })),
  );

import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { orgCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { credentials, sessionResponse } from "../identity";
import {
  acceptInvitation,
  invitationAcceptInput,
  invitationLookupInput,
  lookupInvitation,
} from "./accept-invitation";

export const invitationRoutes = new Hono<AppEnv>()
  .post("/lookup", validate("json", invitationLookupInput), async (c) =>
    c.json(await lookupInvitation({ ctx: orgCtx(c), input: c.req.valid("json") })),
  )
  .post("/accept", validate("json", invitationAcceptInput), async (c) =>
    sessionResponse(
      c,
      await acceptInvitation({
        ctx: orgCtx(c),
        input: c.req.valid("json"),
        credentials: credentials(c),
      }),
    ),
  );

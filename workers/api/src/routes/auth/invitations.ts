import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import {
  acceptInvitation,
  invitationAcceptInput,
  invitationLookupInput,
  lookupInvitation,
} from "../../services/invitation-acceptance";
import { validate } from "../../validator";
import { orgCtx } from "../tenant-ctx";
import { sessionResponse } from "./refresh-cookie";

export const invitationRoutes = new Hono<AppEnv>()
  .post("/lookup", validate("json", invitationLookupInput), async (c) =>
    c.json(await lookupInvitation({ ctx: orgCtx(c), input: c.req.valid("json") })),
  )
  .post("/accept", validate("json", invitationAcceptInput), async (c) =>
    sessionResponse(c, await acceptInvitation({ ctx: orgCtx(c), input: c.req.valid("json") })),
  );

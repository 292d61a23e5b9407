import { Hono } from "hono";
import {
  invitationAcceptInput,
  invitationLookupInput,
  invitationLookupView,
  sessionAnswer,
} from "../../../../shared/src/contracts/identity";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { orgCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { credentials, sessionResponse } from "../identity";
import { acceptInvitation, lookupInvitation } from "./accept-invitation";

export const invitationRoutes = new Hono<AppEnv>()
  .post(
    "/lookup",
    validate("json", invitationLookupInput),
    responds(200, invitationLookupView),
    async (c) => c.json(await lookupInvitation({ ctx: orgCtx(c), input: c.req.valid("json") })),
  )
  .post(
    "/accept",
    validate("json", invitationAcceptInput),
    responds(200, sessionAnswer),
    async (c) =>
      sessionResponse(
        c,
        await acceptInvitation({
          ctx: orgCtx(c),
          input: c.req.valid("json"),
          credentials: credentials(c),
        }),
      ),
  );

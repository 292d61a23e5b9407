import { Hono } from "hono";
import { idempotencyHeader } from "../../../../shared/src/contracts/common/idempotency";
import { pageQuery } from "../../../../shared/src/contracts/common/pagination";
import { idParam } from "../../../../shared/src/contracts/common/params";
import {
  bulkInvitationInput,
  bulkInvitationResult,
  invitationInput,
  invitationPage,
  invitationView,
  memberPage,
  memberQuery,
  memberView,
  reportingLineInput,
  reportingLineView,
  roleChangeInput,
} from "../../../../shared/src/contracts/members";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { idempotent } from "../../http/idempotency";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { changeMemberRole, deactivateMember, reactivateMember } from "./admin";
import { bulkInvite } from "./bulk-invite";
import {
  createInvitation,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "./invitations";
import { listMembers } from "./queries";
import { getReportingLine, setReportingLine } from "./reporting-line";

export const membersRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("members:read"),
    validate("query", memberQuery),
    responds(200, memberPage),
    async (c) => c.json(await listMembers({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .get(
    "/invitations",
    allows.admins("members:read"),
    validate("query", pageQuery),
    responds(200, invitationPage),
    async (c) => c.json(await listInvitations({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .post(
    "/invitations",
    allows.admins("members:write"),
    validate("json", invitationInput),
    responds(201, invitationView),
    async (c) =>
      c.json(await createInvitation({ ctx: tenantCtx(c), input: c.req.valid("json") }), 201),
  )
  .post(
    "/invitations/bulk",
    allows.admins("members:write"),
    validate("header", idempotencyHeader),
    validate("json", bulkInvitationInput),
    responds(200, bulkInvitationResult),
    async (c) =>
      idempotent(c, 200, (remember) =>
        bulkInvite({ ctx: tenantCtx(c), input: c.req.valid("json"), remember }),
      ),
  )
  .delete(
    "/invitations/:id",
    allows.admins("members:write"),
    validate("param", idParam),
    responds(204),
    async (c) => {
      await revokeInvitation({ ctx: tenantCtx(c), input: c.req.valid("param") });
      return c.body(null, 204);
    },
  )
  .post(
    "/invitations/:id/resend",
    allows.admins("members:write"),
    validate("param", idParam),
    responds(201, invitationView),
    async (c) =>
      c.json(await resendInvitation({ ctx: tenantCtx(c), input: c.req.valid("param") }), 201),
  )
  .patch(
    "/:id",
    allows.admins("members:write"),
    validate("param", idParam),
    validate("json", roleChangeInput),
    responds(200, memberView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await changeMemberRole({ ctx: tenantCtx(c), input }));
    },
  )
  .get(
    "/:id/reporting-line",
    allows.admins("members:read"),
    validate("param", idParam),
    responds(200, reportingLineView),
    async (c) => c.json(await getReportingLine({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .put(
    "/:id/reporting-line",
    allows.admins("members:write"),
    validate("param", idParam),
    validate("json", reportingLineInput),
    responds(200, reportingLineView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await setReportingLine({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:id/deactivate",
    allows.admins("members:write"),
    validate("param", idParam),
    responds(200, memberView),
    async (c) => c.json(await deactivateMember({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:id/reactivate",
    allows.admins("members:write"),
    validate("param", idParam),
    responds(200, memberView),
    async (c) => c.json(await reactivateMember({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );

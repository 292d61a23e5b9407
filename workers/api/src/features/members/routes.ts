import { Hono } from "hono";
import * as v from "valibot";
import {
  bulkInvitationInput,
  invitationInput,
  memberRole,
} from "../../../../shared/src/contracts/members";
import type { AppEnv } from "../../http/app-env";
import { pageQuery } from "../../http/pagination";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { deliverAfterResponse } from "../outbox";
import { changeMemberRole, deactivateMember, reactivateMember } from "./admin";
import { bulkInvite } from "./bulk-invite";
import {
  createInvitation,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "./invitations";
import { listMembers, memberStatuses } from "./list";

const memberQuery = v.object({
  ...pageQuery.entries,
  status: v.optional(
    v.picklist(memberStatuses, 'status must be "invited", "active" or "deactivated".'),
  ),
});
const idParam = v.object({ id: v.pipe(v.string(), v.maxLength(100, "id is too long.")) });
const roleChange = v.object({ role: memberRole });

export const membersRoutes = new Hono<AppEnv>()
  .get("/", validate("query", memberQuery), async (c) =>
    c.json(await listMembers({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .get("/invitations", validate("query", pageQuery), async (c) =>
    c.json(await listInvitations({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .post("/invitations", deliverAfterResponse(), validate("json", invitationInput), async (c) =>
    c.json(await createInvitation({ ctx: tenantCtx(c), input: c.req.valid("json") }), 201),
  )
  .post(
    "/invitations/bulk",
    deliverAfterResponse(),
    validate("json", bulkInvitationInput),
    async (c) => c.json(await bulkInvite({ ctx: tenantCtx(c), input: c.req.valid("json") })),
  )
  .delete("/invitations/:id", validate("param", idParam), async (c) => {
    await revokeInvitation({ ctx: tenantCtx(c), input: c.req.valid("param") });
    return c.body(null, 204);
  })
  .post("/invitations/:id/resend", deliverAfterResponse(), validate("param", idParam), async (c) =>
    c.json(await resendInvitation({ ctx: tenantCtx(c), input: c.req.valid("param") }), 201),
  )
  .patch("/:id", validate("param", idParam), validate("json", roleChange), async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("json") };
    return c.json(await changeMemberRole({ ctx: tenantCtx(c), input }));
  })
  .post("/:id/deactivate", validate("param", idParam), async (c) =>
    c.json(await deactivateMember({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post("/:id/reactivate", validate("param", idParam), async (c) =>
    c.json(await reactivateMember({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );

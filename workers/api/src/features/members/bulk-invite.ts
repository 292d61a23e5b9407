import type { RowError } from "../../../../shared/src/contracts/common/bulk-rows";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import {
  type BulkInvitationResult,
  checkInvitationRows,
} from "../../../../shared/src/contracts/members";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import type { RememberAnswer } from "../../http/idempotency";
import { authorizeRoles } from "./admin-grant";
import { issueInvitations } from "./invitation-issue";
import { invitationView, planInvitations } from "./invitation-plan";

function describeRowErrors(errors: readonly RowError[]): string {
  const shown = errors.slice(0, 5).map((e) => `Row ${e.row}: ${e.message}`);
  const more = errors.length > 5 ? ` And ${errors.length - 5} more.` : "";
  return `Nothing was created. ${shown.join(" ")}${more}`;
}

/**
 * Checks every row first. `all_or_nothing` creates nothing when any row is wrong; `valid_only`
 * invites the good rows and reports the rest. Errors name rows from 1; in the 400 problem
 * each is a path into the body, `rows.<index>.<field>`, indexes counting from 0. `remember`
 * (a keyed request's) stores the answer in the same batch as the invitations.
 */
export async function bulkInvite({
  ctx,
  input,
  remember,
}: {
  ctx: TenantCtx;
  input: { rows: unknown[]; mode: "all_or_nothing" | "valid_only" };
  remember?: RememberAnswer<BulkInvitationResult> | undefined;
}): Promise<BulkInvitationResult> {
  authorize(ctx.actor, "members:write");
  const checked = checkInvitationRows(input.rows);
  // The whole call is refused, whatever its mode: a row the caller may not send is no typo.
  authorizeRoles(
    ctx.actor,
    checked.valid.map((r) => r.input.role),
  );
  const { planned, conflicts } = await planInvitations(ctx, checked.valid);
  const errors = [...checked.errors, ...conflicts].sort((a, b) => a.row - b.row);
  if (input.mode === "all_or_nothing" && errors.length > 0) {
    throw new AppError("validation", describeRowErrors(errors), {
      errors: errors.map((e) => ({
        field: e.field ? `rows.${e.row - 1}.${e.field}` : `rows.${e.row - 1}`,
        message: e.message,
      })),
    });
  }
  const answer = { created: planned.map((p) => invitationView(p.invitation)), errors };
  await issueInvitations(ctx, planned, { bulk: true }, remember ? [remember(answer)] : []);
  return answer;
}

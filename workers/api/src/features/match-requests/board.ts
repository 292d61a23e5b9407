import type { ChoicesBoard } from "../../../../shared/src/contracts/matches";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { displayNames } from "../matches";
import { findProgram } from "../programs";
import { choicesOf } from "./views";

/** The coordinator's view: every mentee's choices in order and where each request stands. */
export async function listChoices({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<ChoicesBoard> {
  authorize(ctx.actor, "matches:read");
  const program = await findProgram(ctx.db, input.programId);
  const byMentee = await choicesOf(ctx.db, program.id);
  const names = await displayNames(ctx.db, [...byMentee.keys()]);
  const mentees = [...byMentee].map(([memberId, choices]) => ({
    mentee: { memberId, displayName: names.get(memberId) ?? "" },
    choices,
  }));
  mentees.sort(
    (a, b) =>
      a.mentee.displayName.localeCompare(b.mentee.displayName) ||
      (a.mentee.memberId < b.mentee.memberId ? -1 : 1),
  );
  return { programId: program.id, mentees };
}

import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { RequestDeps } from "../../../../shared/src/matching-requests";
import type { TenantCtx } from "../../http/app-env";
import { assertMatchingOn, type Cohort } from "../matches";
import { findProgram, type Program } from "../programs";

/** A program in which mentees choose their mentors, or a 409 saying how it matches instead. */
export async function choosingProgram(ctx: TenantCtx, programId: string): Promise<Program> {
  const program = await findProgram(ctx.db, programId);
  assertMatchingOn(program);
  if (program.rules.matching.mode !== "mentee_chooses") {
    const how =
      program.rules.matching.mode === "automatic"
        ? "matches are made automatically"
        : "the coordinators make the matches";
    throw new AppError("conflict", `In this program ${how}; mentees do not choose their mentors.`);
  }
  return program;
}

/** The signed-in member as an approved mentee of the program, or a 403 saying so. */
export function asMentee(cohort: Cohort, memberId: string) {
  const me = cohort.profiles.get(memberId);
  if (me?.role !== "mentee") {
    throw new AppError(
      "forbidden",
      "Only the program's approved mentees choose mentors; apply as a mentee first.",
    );
  }
  return me;
}

/** The shared request paths' dependencies, from a request's service context. */
export function requestDeps(ctx: TenantCtx): RequestDeps {
  return {
    now: ctx.now,
    outbox: ctx.outbox,
    orgName: ctx.tenant.name,
    programLink: (id) => ctx.links.program(id),
    actor: ctx.actor,
  };
}

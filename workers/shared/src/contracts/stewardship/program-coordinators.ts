import * as v from "valibot";
import { timestamp } from "../common/json";
import { resourceId } from "../common/params";

/**
 * The admins who coordinate a program. While a program has any, only they open its pairs'
 * workspaces and confidential records and handle its coordinator tasks; with none, every
 * admin does.
 */

export const maxProgramCoordinators = 50;

export const programCoordinatorsInput = v.object({
  /** Every coordinator of the program (the whole set, replacing the last); [] for every admin. */
  memberIds: v.pipe(
    v.array(resourceId),
    v.maxLength(
      maxProgramCoordinators,
      `memberIds takes at most ${maxProgramCoordinators} admins.`,
    ),
    v.check((ids) => new Set(ids).size === ids.length, "memberIds names someone twice."),
  ),
});
export type ProgramCoordinatorsInput = v.InferOutput<typeof programCoordinatorsInput>;

export const programCoordinatorView = v.object({
  memberId: v.string(),
  displayName: v.string(),
  email: v.string(),
  assignedAt: timestamp,
});

export const programCoordinatorsView = v.object({
  programId: v.string(),
  /** True while no admin is assigned: every admin of the organization coordinates it. */
  everyAdmin: v.boolean(),
  coordinators: v.array(programCoordinatorView),
});
export type ProgramCoordinatorsView = v.InferOutput<typeof programCoordinatorsView>;

import type { ProgramView } from "../../../../shared/src/contracts/programs";
import { type ProgramShape, summarizeRules } from "../../../../shared/src/domain/program-rules";
import type { Program } from "./queries";

/** What the rules are checked against: the program's dates, length and form. */
export const shapeOf = (p: Program): ProgramShape => ({
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  relationshipLengthDays: p.relationshipLengthDays,
  applicationForm: p.applicationForm,
});

export const programView = (p: Program): ProgramView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  audience: p.audience,
  status: p.status,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  relationshipLengthDays: p.relationshipLengthDays,
  templateKey: p.templateKey,
  rules: p.rules,
  rulesVersion: p.rulesVersion,
  applicationForm: p.applicationForm,
  summary: summarizeRules(p.rules),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

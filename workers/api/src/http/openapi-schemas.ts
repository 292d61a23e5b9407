import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import { auditEntryView } from "../../../shared/src/contracts/audit";
import { clientView } from "../../../shared/src/contracts/clients";
import { rowError } from "../../../shared/src/contracts/common/bulk-rows";
import { fieldError, problem } from "../../../shared/src/contracts/common/errors";
import {
  enrollmentProfile,
  enrollmentView,
  myEnrollment,
} from "../../../shared/src/contracts/enrollments";
import {
  invitationLookupView,
  organizationView,
  sessionAnswer,
} from "../../../shared/src/contracts/identity";
import { meView } from "../../../shared/src/contracts/me";
import { invitationView, memberView } from "../../../shared/src/contracts/members";
import {
  adminInvitation,
  migrationReport,
  tenantSummary,
} from "../../../shared/src/contracts/operator";
import {
  programTemplateView,
  programView,
  rulesPreview,
  ruleVersionView,
} from "../../../shared/src/contracts/programs";
import { trainingProgressView, trainingView } from "../../../shared/src/contracts/training";
import { applicationForm, programRules } from "../../../shared/src/domain/program-rules";

export type JsonObject = Record<string, unknown>;

/**
 * Answer schemas shown once under components.schemas and referred to wherever they appear
 * (the schema object itself is the key). Those not listed are written out where they are used.
 */
const components: Record<string, v.GenericSchema> = {
  Problem: problem,
  FieldError: fieldError,
  RowError: rowError,
  Organization: organizationView,
  Session: sessionAnswer,
  MeView: meView,
  MemberView: memberView,
  InvitationView: invitationView,
  InvitationLookupView: invitationLookupView,
  ClientView: clientView,
  AuditEntryView: auditEntryView,
  ProgramRules: programRules,
  ApplicationForm: applicationForm,
  ProgramView: programView,
  ProgramTemplateView: programTemplateView,
  RuleVersionView: ruleVersionView,
  RulesPreview: rulesPreview,
  TrainingProgress: trainingProgressView,
  EnrollmentProfile: enrollmentProfile,
  EnrollmentView: enrollmentView,
  MyEnrollment: myEnrollment,
  TrainingView: trainingView,
  TenantSummary: tenantSummary,
  AdminInvitation: adminInvitation,
  MigrationReport: migrationReport,
};

/**
 * JSON Schema (2020-12) of a valibot schema, `$defs` lifted into `defs`. Inputs are described
 * as a caller sends them (before valibot's transforms), answers as the API writes them; what
 * JSON Schema cannot say (custom checks, transforms) is left out rather than refused.
 */
export function jsonSchemaOf(
  schema: v.GenericSchema,
  mode: "input" | "output",
  defs: JsonObject,
): JsonObject {
  const {
    $schema: _,
    $defs,
    ...converted
  } = toJsonSchema(schema, {
    target: "draft-2020-12",
    typeMode: mode,
    errorMode: "ignore",
    ...(mode === "output" ? { definitions: components } : {}),
  });
  Object.assign(defs, $defs);
  return { ...converted };
}

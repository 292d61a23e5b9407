import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { ProgramTemplateView } from "../../../../shared/src/contracts/programs";
import {
  type ProgramTemplate,
  programTemplates,
  summarizeRules,
} from "../../../../shared/src/domain/program-rules";
import { type Actor, can } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";

/** Templates are the same for every organization; members see them to know what is offered. */
function mayBrowse(actor: Actor): void {
  if (actor.kind === "member" || can(actor, "programs:read")) return;
  throw new AppError("forbidden", 'This API client lacks the "programs:read" scope.');
}

export function listProgramTemplates({ ctx }: { ctx: TenantCtx }): {
  items: ProgramTemplateView[];
} {
  mayBrowse(ctx.actor);
  return {
    items: programTemplates.map((t) => ({
      key: t.key,
      name: t.name,
      description: t.description,
      audience: t.audience,
      relationshipLengthDays: t.relationshipLengthDays,
      rules: t.rules,
      applicationForm: t.applicationForm,
      summary: summarizeRules(t.rules),
    })),
  };
}

/** The template a new program starts from; an unknown key is the caller's mistake (400). */
export function findTemplate(key: string): ProgramTemplate {
  const template = programTemplates.find((t) => t.key === key);
  if (!template) {
    const known = programTemplates.map((t) => `"${t.key}"`).join(", ") || "none yet";
    throw invalidField("templateKey", `No template "${key}"; known templates: ${known}.`);
  }
  return template;
}

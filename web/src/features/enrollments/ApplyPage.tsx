import { useState } from "preact/hooks";
import type { ProgramRole } from "../../../../workers/shared/src/contracts/enrollments";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { browserTimeZone } from "../../lib/format";
import { navigate } from "../../lib/router";
import { useActiveSession } from "../../lib/session-context";
import { ErrorMessage, FormActions, Loading, PageHeading } from "../../ui/feedback";
import { type FieldErrors, useForm } from "../../ui/use-form";
import { useLoad } from "../../ui/use-load";
import { programApi } from "../programs/common";
import { listKeys, type ProfileKey, profileKeys, splitList } from "../programs/form-reader";
import { RuleSummary } from "../programs/parts";
import { ApplyFields } from "./ApplyFields";

export type Answers = Record<string, string | string[]>;

/** The application to one program, generated from the program's own form. */
export function ApplyPage({ programId }: { programId: string }) {
  const { slug, member } = useActiveSession();
  const loaded = useLoad(() => api<ProgramView>(programApi(programId)), [programId]);
  const [role, setRole] = useState<ProgramRole | "">("");
  const [profile, setProfile] = useState<Record<ProfileKey, string>>({
    interests: "",
    skills: "",
    department: "",
    seniority: "",
    languages: "",
    timeZone: member.timeZone || browserTimeZone(),
    availability: "",
  });
  const [answers, setAnswers] = useState<Answers>({});
  const program = loaded.data;
  const form = useForm(["role", ...profileKeys.map((k) => `profile.${k}`), "answers", "profile"]);

  if (!program) {
    return (
      <>
        <PageHeading title="Apply">Apply</PageHeading>
        {loaded.loading ? <Loading /> : <ErrorMessage message={loaded.error} />}
      </>
    );
  }
  const modes = program.applicationForm.profileFields;
  const questions = program.applicationForm.questions;

  const check = (): FieldErrors => {
    const errors: FieldErrors = { role: role ? undefined : "Choose mentor or mentee." };
    for (const k of profileKeys) {
      if (modes[k] === "required" && !profile[k].trim())
        errors[`profile.${k}`] = "Please fill this in.";
    }
    for (const q of questions) {
      const a = answers[q.id];
      if (q.required && (!a || (Array.isArray(a) && a.length === 0))) {
        errors[`answers.${q.id}`] = "Please answer this question.";
      }
    }
    return errors;
  };

  const apply = async () => {
    const body = {
      role,
      profile: Object.fromEntries(
        profileKeys
          .filter((k) => modes[k] !== "hidden")
          .map((k) => [k, listKeys.has(k) ? splitList(profile[k]) : profile[k].trim()]),
      ),
      answers: Object.fromEntries(
        questions
          .filter((q) => answers[q.id] !== undefined && answers[q.id] !== "")
          .map((q) => {
            const a = answers[q.id];
            if (q.kind === "scale") return [q.id, Number(a)];
            return [q.id, a];
          }),
      ),
    };
    await api(programApi(program.id, "/enrollments"), { method: "POST", body });
    navigate(`/o/${slug}/my-programs?applied=${encodeURIComponent(program.id)}`);
  };

  const errors = form.fields;
  const closed = program.status !== "open";
  return (
    <>
      <PageHeading title={`Apply to ${program.name}`}>Apply to {program.name}</PageHeading>
      {program.description && <p class="lead">{program.description}</p>}
      <div class="grid-2 wide-first">
        <form
          ref={form.formRef}
          class="card"
          noValidate
          aria-label={`Application to ${program.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(check, apply);
          }}
        >
          {closed && <p class="note">This program is not taking applications at the moment.</p>}
          <ApplyFields
            modes={modes}
            questions={questions}
            role={role}
            onRole={setRole}
            profile={profile}
            onProfile={setProfile}
            answers={answers}
            onAnswers={setAnswers}
            errors={errors}
          />
          <ErrorMessage message={form.error} />
          <FormActions>
            <button type="submit" class="button primary" disabled={form.busy || closed}>
              {form.busy ? "Sending…" : "Send application"}
            </button>
          </FormActions>
        </form>
        <aside class="card" aria-label="About this program">
          <RuleSummary summary={program.summary} title="What taking part involves" level={2} />
        </aside>
      </div>
    </>
  );
}

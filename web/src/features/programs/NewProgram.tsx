import { useState } from "preact/hooks";
import type { Page } from "../../../../workers/shared/src/contracts/common/pagination";
import type {
  ProgramTemplateList,
  ProgramTemplateView,
  ProgramView,
} from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { navigate } from "../../lib/router";
import { useActiveSession } from "../../lib/session-context";
import { ErrorMessage, FormActions, Loading, PageHeading, SubmitButton } from "../../ui/feedback";
import { SelectField, TextAreaField, TextField } from "../../ui/fields";
import { type FieldErrors, useForm } from "../../ui/use-form";
import { useLoad } from "../../ui/use-load";
import { programPath } from "./common";
import { checkDates, datesBody, ProgramDateFields, type ProgramDates } from "./ProgramDateFields";
import { RuleSummary } from "./parts";

const SCRATCH = "scratch";
const COPY = "copy";

interface Choices {
  templates: ProgramTemplateView[];
  programs: ProgramView[];
}

async function loadChoices(): Promise<Choices> {
  const [templates, programs] = await Promise.all([
    api<ProgramTemplateList>("/v1/program-templates"),
    api<Page<ProgramView>>("/v1/programs?limit=100"),
  ]);
  return { templates: templates.items, programs: programs.items };
}

/** A new program: from a template, from scratch or as a copy; then its name and its dates. */
export function NewProgram() {
  const { slug } = useActiveSession();
  const choices = useLoad(loadChoices, []);
  const [start, setStart] = useState("");
  const [copyFrom, setCopyFrom] = useState("");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [dates, setDates] = useState<ProgramDates>({ startsOn: "", endsOn: "", length: "" });
  const form = useForm(["name", "description", "startsOn", "endsOn", "relationshipLengthDays"]);
  const errors: FieldErrors = { ...form.fields };
  const template = choices.data?.templates.find((t) => t.key === start);

  const check = (): FieldErrors => ({
    start: start ? undefined : "Choose how to start the program.",
    copyFrom: start === COPY && !copyFrom ? "Choose the program to copy." : undefined,
    name: name.trim() ? undefined : "Give the program a name.",
    ...checkDates(dates),
  });

  const create = async () => {
    const body = {
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(template ? { templateKey: template.key } : {}),
      ...(start === COPY ? { copyFrom } : {}),
      ...datesBody(dates),
    };
    const created = await api<ProgramView>("/v1/programs", { method: "POST", body });
    navigate(programPath(slug, created.id));
  };

  return (
    <>
      <PageHeading title="New program">New program</PageHeading>
      <form
        ref={form.formRef}
        class="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(check, create);
        }}
      >
        <fieldset class="choice template-choice" aria-describedby="start-error">
          <legend>Start from</legend>
          {choices.loading && <Loading label="Loading templates…" />}
          <ErrorMessage message={choices.error} />
          <div class="template-grid">
            {choices.data?.templates.map((t) => (
              <label key={t.key} class="template-card">
                <input
                  type="radio"
                  name="start"
                  value={t.key}
                  checked={start === t.key}
                  aria-invalid={form.fields.start ? "true" : undefined}
                  onChange={() => {
                    setStart(t.key);
                    if (!description) setDescription(t.description);
                    if (!dates.length && !dates.startsOn) {
                      setDates({ ...dates, length: String(t.relationshipLengthDays) });
                    }
                  }}
                />
                <span class="template-body">
                  <strong>{t.name}</strong>
                  <span class="muted">{t.description}</span>
                  {t.summary.length > 0 && (
                    <ul class="small">
                      {t.summary.slice(0, 4).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                </span>
              </label>
            ))}
            <label class="template-card">
              <input
                type="radio"
                name="start"
                value={SCRATCH}
                checked={start === SCRATCH}
                onChange={() => setStart(SCRATCH)}
              />
              <span class="template-body">
                <strong>Start from scratch</strong>
                <span class="muted">Sensible default rules you then adjust.</span>
              </span>
            </label>
            {(choices.data?.programs.length ?? 0) > 0 && (
              <label class="template-card">
                <input
                  type="radio"
                  name="start"
                  value={COPY}
                  checked={start === COPY}
                  onChange={() => setStart(COPY)}
                />
                <span class="template-body">
                  <strong>Copy an existing program</strong>
                  <span class="muted">Its rules, application form and training.</span>
                </span>
              </label>
            )}
          </div>
          {form.fields.start && (
            <p id="start-error" class="field-error">
              {form.fields.start}
            </p>
          )}
        </fieldset>
        {start === COPY && (
          <SelectField
            label="Program to copy"
            name="copyFrom"
            value={copyFrom}
            onValue={setCopyFrom}
            error={errors.copyFrom}
            options={[
              ["", "Choose a program…"],
              ...(choices.data?.programs ?? []).map((p) => [p.id, p.name] as const),
            ]}
          />
        )}
        {template && <RuleSummary summary={template.summary} title="This template's rules" />}
        <div class="card">
          <TextField
            label="Program name"
            name="name"
            value={name}
            onValue={setName}
            error={errors.name}
            maxLength={120}
            required
          />
          <TextAreaField
            label="Description"
            name="description"
            value={description}
            onValue={setDescription}
            error={errors.description}
            hint="Members see this when they decide whether to apply."
            rows={3}
            optional
          />
          <ProgramDateFields value={dates} onValue={setDates} errors={errors} />
        </div>
        <ErrorMessage message={form.error} />
        <FormActions>
          <SubmitButton busy={form.busy} busyLabel="Creating…" primary>
            Create draft program
          </SubmitButton>
          <a class="button" href={programPath(slug)}>
            Cancel
          </a>
        </FormActions>
      </form>
    </>
  );
}

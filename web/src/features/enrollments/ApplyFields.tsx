import { useId } from "preact/hooks";
import type { ProgramRole } from "../../../../workers/shared/src/contracts/enrollments";
import { timeZones } from "../../lib/format";
import { SelectField, TextAreaField, TextField } from "../../ui/fields";
import type { FieldErrors } from "../../ui/use-form";
import {
  type FieldMode,
  type FormQuestion,
  listKeys,
  type ProfileKey,
  profileKeys,
  profileLabels,
} from "../programs/form-reader";
import type { Answers } from "./ApplyPage";

interface Props {
  modes: Record<ProfileKey, FieldMode>;
  questions: FormQuestion[];
  role: ProgramRole | "";
  onRole: (role: ProgramRole) => void;
  profile: Record<ProfileKey, string>;
  onProfile: (profile: Record<ProfileKey, string>) => void;
  answers: Answers;
  onAnswers: (answers: Answers) => void;
  errors: FieldErrors;
}

const roles: [ProgramRole, string, string][] = [
  ["mentee", "Mentee", "I would like guidance from someone further along."],
  ["mentor", "Mentor", "I would like to support someone with my experience."],
];

function Choices(props: {
  legend: string;
  name: string;
  options: [string, string, string?][];
  value: string | string[];
  multiple?: boolean;
  onValue: (value: string | string[]) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  const { legend, name, options, value, multiple, onValue, error, hint } = props;
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <fieldset
      class={error ? "choice field-invalid" : "choice"}
      aria-describedby={
        [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined
      }
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {options.map(([v, label, detail]) => (
        <label class="radio" key={v}>
          <input
            type={multiple ? "checkbox" : "radio"}
            name={name}
            value={v}
            checked={selected.includes(v)}
            aria-invalid={error ? "true" : undefined}
            onChange={(e) => {
              if (!multiple) return onValue(v);
              const on = e.currentTarget.checked;
              onValue(on ? [...selected, v] : selected.filter((s) => s !== v));
            }}
          />{" "}
          {label}
          {detail && <span class="muted"> — {detail}</span>}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function Question({
  q,
  value,
  onValue,
  error,
}: {
  q: FormQuestion;
  value: string | string[] | undefined;
  onValue: (value: string | string[]) => void;
  error: string | undefined;
}) {
  const common = { error };
  const label = q.label;
  if (q.kind === "choice" || q.kind === "multi_choice" || q.kind === "scale") {
    const options: [string, string][] =
      q.kind === "scale"
        ? ["1", "2", "3", "4", "5"].map((n) => [n, n])
        : (q.options ?? []).map((o) => [o, o]);
    return (
      <Choices
        legend={q.required ? label : `${label} (optional)`}
        name={`q-${q.id}`}
        options={options}
        value={value ?? (q.kind === "multi_choice" ? [] : "")}
        multiple={q.kind === "multi_choice"}
        onValue={onValue}
        {...common}
      />
    );
  }
  const text = typeof value === "string" ? value : "";
  return q.kind === "long_text" ? (
    <TextAreaField
      label={label}
      name={`q-${q.id}`}
      value={text}
      onValue={onValue}
      optional={!q.required}
      rows={4}
      {...common}
    />
  ) : (
    <TextField
      label={label}
      name={`q-${q.id}`}
      value={text}
      onValue={onValue}
      optional={!q.required}
      {...common}
    />
  );
}

/** Role, the profile fields the program asks for, then its own questions. */
export function ApplyFields(props: Props) {
  const { modes, questions, role, onRole, profile, onProfile, answers, onAnswers, errors } = props;
  const asked = profileKeys.filter((k) => modes[k] !== "hidden");
  const set = (k: ProfileKey) => (v: string) => onProfile({ ...profile, [k]: v });
  return (
    <>
      <Choices
        legend="I am applying as a"
        name="role"
        options={roles}
        value={role}
        onValue={(v) => onRole(v as ProgramRole)}
        error={errors.role}
      />
      {asked.length > 0 && (
        <fieldset class="choice">
          <legend>About you</legend>
          <p class="hint">Used to find you a good match. Coordinators can see it.</p>
          {asked.map((k) =>
            k === "timeZone" ? (
              <SelectField
                key={k}
                label={profileLabels[k]}
                name={k}
                value={profile[k]}
                onValue={set(k)}
                options={timeZones(profile[k]).map((z) => [z, z] as const)}
                error={errors[`profile.${k}`]}
              />
            ) : (
              <TextField
                key={k}
                label={profileLabels[k]}
                name={k}
                value={profile[k]}
                onValue={set(k)}
                optional={modes[k] === "optional"}
                hint={
                  listKeys.has(k)
                    ? "Separate several with commas."
                    : k === "availability"
                      ? "For example: weekday evenings, Friday mornings."
                      : undefined
                }
                error={errors[`profile.${k}`]}
              />
            ),
          )}
        </fieldset>
      )}
      {questions.length > 0 && (
        <fieldset class="choice">
          <legend>Questions from the program</legend>
          {errors.answers && <p class="field-error">{errors.answers}</p>}
          {questions.map((q) => (
            <Question
              key={q.id}
              q={q}
              value={answers[q.id]}
              onValue={(v) => onAnswers({ ...answers, [q.id]: v })}
              error={errors[`answers.${q.id}`]}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}

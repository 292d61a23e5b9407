import { useId } from "preact/hooks";
import type { FieldErrors } from "../../ui/use-form";

export interface ProgramDates {
  startsOn: string;
  endsOn: string;
  /** Relationship length in days, as typed. */
  length: string;
}

export function checkDates(d: ProgramDates): FieldErrors {
  const length = d.length.trim();
  return {
    endsOn:
      d.startsOn && d.endsOn && d.endsOn < d.startsOn
        ? "The end date must be after the start date."
        : undefined,
    relationshipLengthDays:
      length && !(Number.isInteger(Number(length)) && Number(length) > 0)
        ? "Enter a whole number of days."
        : undefined,
  };
}

export const datesBody = (d: ProgramDates) => ({
  ...(d.startsOn ? { startsOn: d.startsOn } : {}),
  ...(d.endsOn ? { endsOn: d.endsOn } : {}),
  ...(d.length.trim() ? { relationshipLengthDays: Number(d.length) } : {}),
});

function DateInput(props: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
  type: "date" | "number";
  hint?: string;
}) {
  const id = useId();
  return (
    <div class={props.error ? "field field-invalid" : "field"}>
      <label for={id}>
        {props.label}
        <span class="optional"> (optional)</span>
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        type={props.type}
        min={props.type === "number" ? 1 : undefined}
        inputMode={props.type === "number" ? "numeric" : undefined}
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={
          [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(" ") ||
          undefined
        }
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Fixed dates for a cohort, a relationship length for rolling intake, or both. */
export function ProgramDateFields(props: {
  value: ProgramDates;
  onValue: (value: ProgramDates) => void;
  errors: FieldErrors;
}) {
  const { value, onValue, errors } = props;
  return (
    <fieldset class="choice">
      <legend>When it runs</legend>
      <p class="hint">
        Set dates for a cohort that starts and ends together, or a relationship length for pairs
        that start whenever they are matched.
      </p>
      <div class="field-row">
        <DateInput
          label="Starts on"
          type="date"
          value={value.startsOn}
          onValue={(startsOn) => onValue({ ...value, startsOn })}
          error={errors.startsOn}
        />
        <DateInput
          label="Ends on"
          type="date"
          value={value.endsOn}
          onValue={(endsOn) => onValue({ ...value, endsOn })}
          error={errors.endsOn}
        />
      </div>
      <DateInput
        label="Relationship length in days"
        type="number"
        value={value.length}
        onValue={(length) => onValue({ ...value, length })}
        error={errors.relationshipLengthDays}
        hint="Six months is about 180 days."
      />
    </fieldset>
  );
}

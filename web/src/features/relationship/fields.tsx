import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

// The workspace's own controls (dates, times, numbers, check boxes, 1–5 ratings); the text
// fields come from ui/fields.tsx.

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

function Frame(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
  check?: boolean;
  children: ComponentChildren;
}) {
  const { id, label, hint, error, optional, check } = props;
  const text = (
    <label for={id}>
      {label}
      {optional && <span class="optional"> (optional)</span>}
    </label>
  );
  return (
    <div class={`field${error ? " field-invalid" : ""}${check ? " field-check" : ""}`}>
      {check ? props.children : text}
      {check && text}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {!check && props.children}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface InputProps {
  label: string;
  name: string;
  type: "date" | "time" | "number" | "url" | "text";
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  required?: boolean;
  min?: number | string;
  max?: number | string;
  step?: number;
  maxLength?: number;
}

/** One labelled input whose value stays text, so a half-typed value is never lost. */
export function InputField(props: InputProps) {
  const id = useId();
  const { label, hint, error, optional, onValue, type, ...rest } = props;
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        type={type as "text"}
        class={type === "number" ? "number" : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...rest}
      />
    </Frame>
  );
}

export function CheckField(props: {
  label: string;
  name: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  const { label, hint, onChecked, ...rest } = props;
  return (
    <Frame id={id} label={label} hint={hint} check>
      <input
        id={id}
        type="checkbox"
        aria-describedby={describedBy(id, hint)}
        onChange={(e) => onChecked(e.currentTarget.checked)}
        {...rest}
      />
    </Frame>
  );
}

interface ChoicesProps<V extends string | number | boolean> {
  legend: string;
  name: string;
  value: V | undefined;
  onValue: (value: V) => void;
  options: readonly (readonly [value: V, label: string])[];
  error?: string | undefined;
  disabled?: boolean;
}

/** Radio buttons in a fieldset: a 1–5 rating, yes or no, mentor or mentee. */
export function Choices<V extends string | number | boolean>(props: ChoicesProps<V>) {
  const id = useId();
  const { legend, name, value, onValue, options, error, disabled } = props;
  return (
    <fieldset
      class={error ? "choice field-invalid" : "choice"}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label class="radio" key={String(option)}>
          <input
            type="radio"
            name={name}
            value={String(option)}
            checked={value === option}
            disabled={disabled}
            aria-invalid={error ? "true" : undefined}
            onChange={() => onValue(option)}
          />{" "}
          {label}
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

/** A section of the workspace: a card with its h2, which takes focus after actions. */
export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card workspace-section" id={props.id} aria-labelledby={`${props.id}-t`}>
      <h2 id={`${props.id}-t`} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** What a section says while the agreement still waits for both acknowledgements. */
export function LockedNote({ what, seat }: { what: string; seat: string }) {
  return (
    <p class="card note">
      {seat === "coordinator"
        ? `${what} open once both people have acknowledged the agreement.`
        : `${what} open once you have both acknowledged the agreement. Fill in your part of the agreement above and acknowledge it; your partner does the same.`}
    </p>
  );
}

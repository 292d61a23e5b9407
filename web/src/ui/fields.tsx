import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
  children: ComponentChildren;
}

/** Label, hint and error around one control; the control is described by both. */
function FieldFrame({ id, label, hint, error, optional, children }: FieldFrameProps) {
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "password" | "url" | "search";
  error?: string | undefined;
  hint?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  optional?: boolean;
  maxLength?: number;
  readOnly?: boolean;
  spellcheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const { label, hint, error, optional, onValue, type = "text", ...rest } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        // Preact types each input type separately; these all take text.
        type={type as "text"}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...rest}
      />
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
  optional?: boolean;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const id = useId();
  const { label, hint, error, optional, onValue, ...rest } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        spellcheck={false}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...rest}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly (readonly [value: string, label: string])[];
  error?: string | undefined;
  hint?: string | undefined;
}

export function SelectField(props: SelectFieldProps) {
  const id = useId();
  const { label, hint, error, onValue, options, ...rest } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(e.currentTarget.value)}
        {...rest}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  onValue: (value: V) => void;
  options: readonly (readonly [value: V, label: string])[];
}

/** A fieldset of radio buttons with a legend: "If some rows have problems". */
export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const { legend, name, value, onValue, options } = props;
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label class="radio" key={option}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onValue(option)}
          />{" "}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** The "Status" filter above a list. */
export function StatusFilter(props: Pick<SelectFieldProps, "value" | "onValue" | "options">) {
  return <SelectField label="Status" name="status" {...props} />;
}

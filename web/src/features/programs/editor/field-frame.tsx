// The label, hint and error around one field of the editors.

export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

export function Frame(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: preact.ComponentChildren;
  inline?: boolean;
}) {
  const { id, label, hint, error, inline } = props;
  return (
    <div class={`field${error ? " field-invalid" : ""}${inline ? " field-check" : ""}`}>
      {inline ? props.children : <label for={id}>{label}</label>}
      {inline && <label for={id}>{label}</label>}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {!inline && props.children}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Numbers typed as text stay text until they parse, so the schema can say what is wrong. */
export function readNumber(input: HTMLInputElement, optional: boolean): unknown {
  if (input.value === "") return optional ? undefined : "";
  const n = input.valueAsNumber;
  return Number.isNaN(n) ? input.value : n;
}

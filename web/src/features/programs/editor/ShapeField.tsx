import { useId } from "preact/hooks";
import { describedBy, Frame, readNumber } from "./field-frame";
import { ListEditor } from "./ListEditor";
import { fixedRule, isProse, labelFor, optionLabel } from "./labels";
import { dotted, type Shape } from "./shape";
import { isWeightKey } from "./words";

export interface FieldProps {
  /** The key in its parent ("frequencyDays"), or the item's label for list items. */
  name: string;
  label?: string;
  path: (string | number)[];
  shape: Shape;
  value: unknown;
  onValue: (value: unknown) => void;
  errors: Map<string, string>;
  hints?: Record<string, string>;
}

/** One value of the rules or the form, drawn from its shape; groups and lists recurse. */
export function ShapeField(props: FieldProps) {
  const id = useId();
  const { name, path, shape, value, onValue, errors, hints } = props;
  const label = props.label ?? labelFor(path, name);
  const error = errors.get(dotted(path));
  const hint = hints?.[name];
  const invalid = error ? "true" : undefined;
  const aria = describedBy(id, hint, error);

  const fixed = fixedRule(path);
  if (fixed) return <p class="fixed-rule">{fixed}</p>;
  switch (shape.kind) {
    case "group": {
      const record = (value ?? {}) as Record<string, unknown>;
      // A question's options mean something only when it is answered by choosing.
      const choosing = typeof record.kind !== "string" || /choice/.test(record.kind);
      return (
        <fieldset class="rule-group">
          <legend>{label}</legend>
          {error && <p class="field-error">{error}</p>}
          {shape.entries
            .filter(([key]) => key !== "id" && (key !== "options" || choosing))
            .map(([key, sub]) => (
              <ShapeField
                key={key}
                name={key}
                path={[...path, key]}
                shape={sub}
                value={record[key]}
                onValue={(next) => {
                  const copy = { ...record };
                  if (next === undefined) delete copy[key];
                  else copy[key] = next;
                  onValue(copy);
                }}
                errors={errors}
                {...(hints ? { hints } : {})}
              />
            ))}
        </fieldset>
      );
    }
    case "list":
      return <ListEditor {...props} label={label} shape={shape} />;
    case "boolean":
      return (
        <Frame id={id} label={label} hint={hint} error={error} inline>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-invalid={invalid}
            aria-describedby={aria}
            onChange={(e) => onValue(e.currentTarget.checked)}
          />
        </Frame>
      );
    case "choice":
      return (
        <Frame id={id} label={label} hint={hint} error={error}>
          <select
            id={id}
            value={typeof value === "string" ? value : ""}
            aria-invalid={invalid}
            aria-describedby={aria}
            onChange={(e) => {
              const next = e.currentTarget.value;
              onValue(next === "" && shape.optional ? undefined : next);
            }}
          >
            {(shape.optional || !shape.options.includes(String(value ?? ""))) && (
              <option value="">{shape.optional ? "Not set" : "Choose…"}</option>
            )}
            {shape.options.map((option) => (
              <option key={option} value={option}>
                {optionLabel(option)}
              </option>
            ))}
          </select>
        </Frame>
      );
    case "number":
      if (isWeightKey(name) && shape.max !== undefined && shape.max <= 10) {
        const n = typeof value === "number" ? value : (shape.min ?? 1);
        return (
          <Frame id={id} label={`${label} (10 = must)`} hint={hint} error={error}>
            <div class="weight">
              <input
                id={id}
                type="range"
                min={shape.min ?? 1}
                max={shape.max}
                step={1}
                value={n}
                aria-valuetext={n === shape.max ? `${n}, must` : `${n} of ${shape.max}`}
                aria-invalid={invalid}
                aria-describedby={aria}
                onInput={(e) => onValue(e.currentTarget.valueAsNumber)}
              />
              <output for={id} aria-hidden="true">
                {n === shape.max ? `${n} (must)` : n}
              </output>
            </div>
          </Frame>
        );
      }
      return (
        <Frame id={id} label={label} hint={hint} error={error}>
          <input
            id={id}
            type="number"
            class="number"
            inputMode={shape.integer ? "numeric" : "decimal"}
            min={shape.min}
            max={shape.max}
            step={shape.integer ? 1 : "any"}
            value={value === undefined || value === null ? "" : String(value)}
            aria-invalid={invalid}
            aria-describedby={aria}
            onInput={(e) => onValue(readNumber(e.currentTarget, shape.optional))}
          />
        </Frame>
      );
    default:
      if (shape.kind === "string" && isProse(shape.maxLength)) {
        return (
          <Frame id={id} label={label} hint={hint} error={error}>
            <textarea
              id={id}
              rows={5}
              value={value === undefined || value === null ? "" : String(value)}
              maxLength={shape.maxLength}
              aria-invalid={invalid}
              aria-describedby={aria}
              onInput={(e) => {
                const next = e.currentTarget.value;
                onValue(next === "" && shape.optional ? undefined : next);
              }}
            />
          </Frame>
        );
      }
      return (
        <Frame id={id} label={label} hint={hint} error={error}>
          <input
            id={id}
            type="text"
            value={value === undefined || value === null ? "" : String(value)}
            maxLength={shape.kind === "string" ? shape.maxLength : undefined}
            aria-invalid={invalid}
            aria-describedby={aria}
            onInput={(e) => {
              const next = e.currentTarget.value;
              onValue(next === "" && shape.optional ? undefined : next);
            }}
          />
        </Frame>
      );
  }
}

import { useRef } from "preact/hooks";
import { ShapeField } from "./ShapeField";
import { dotted, type Shape } from "./shape";
import { humanize, sectionOf } from "./words";

type Group = Extract<Shape, { kind: "group" }>;

interface Props {
  shape: Group;
  value: Record<string, unknown>;
  onValue: (value: Record<string, unknown>) => void;
  errors: Map<string, string>;
  /** The section shown; the others wait behind their tabs. */
  current: string;
  onSection: (key: string) => void;
}

/** The rules' top-level groups in a fixed, familiar order, with their titles and guidance. */
export function ruleSections(shape: Group) {
  const seen = new Set<string>();
  return shape.entries
    .map(([key, s]) => ({ key, shape: s, ...sectionOf(key) }))
    .sort((a, b) => a.index - b.index)
    .map((g) => {
      const title = seen.has(g.title) ? humanize(g.key) : g.title;
      seen.add(g.title);
      return { ...g, title };
    });
}

const problemsIn = (errors: Map<string, string>, key: string) =>
  [...errors.keys()].filter((field) => field === key || field.startsWith(`${key}.`)).length;

/**
 * One section at a time behind a row of tabs (arrow keys move between them), so a coordinator
 * sees a screenful, not every rule at once; a tab says how many problems its section has.
 */
export function RuleSections({ shape, value, onValue, errors, current, onSection }: Props) {
  const tabs = useRef<HTMLDivElement>(null);
  const groups = ruleSections(shape);
  const shown = groups.find((g) => g.key === current) ?? groups[0];
  const set = (key: string, next: unknown) => {
    const copy = { ...value };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    onValue(copy);
  };
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const to = e.key === "Home" ? 0 : e.key === "End" ? groups.length - 1 : undefined;
    if (step === undefined && to === undefined) return;
    e.preventDefault();
    const next = groups[to ?? (index + (step ?? 0) + groups.length) % groups.length];
    if (!next) return;
    onSection(next.key);
    tabs.current?.querySelector<HTMLElement>(`#tab-${next.key}`)?.focus();
  };
  if (!shown) return null;
  const record = (value[shown.key] ?? {}) as Record<string, unknown>;
  const id = `section-${shown.key}`;
  const error = shown.shape.kind === "group" ? errors.get(dotted([shown.key])) : undefined;
  return (
    <div class="rule-sections">
      <div class="section-tabs" role="tablist" aria-label="Rule sections" ref={tabs}>
        {groups.map((g, index) => {
          const problems = problemsIn(errors, g.key);
          return (
            <button
              key={g.key}
              id={`tab-${g.key}`}
              type="button"
              role="tab"
              aria-selected={g.key === shown.key}
              aria-controls={id}
              tabIndex={g.key === shown.key ? 0 : -1}
              class={problems > 0 ? "has-problems" : undefined}
              onClick={() => onSection(g.key)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {g.title}
              {problems > 0 && <span class="tab-problems"> ({problems} to fix)</span>}
            </button>
          );
        })}
      </div>
      <div id={id} role="tabpanel" aria-labelledby={`tab-${shown.key}`}>
        <fieldset
          class="card rule-section"
          aria-describedby={shown.guidance ? `${id}-guide` : undefined}
        >
          <legend>{shown.title}</legend>
          {shown.guidance && (
            <p id={`${id}-guide`} class="guidance">
              {shown.guidance}
            </p>
          )}
          {error && <p class="field-error">{error}</p>}
          {shown.shape.kind !== "group" ? (
            <ShapeField
              name={shown.key}
              label={`${shown.title} in this program`}
              path={[shown.key]}
              shape={shown.shape}
              value={value[shown.key]}
              onValue={(next) => set(shown.key, next)}
              errors={errors}
            />
          ) : (
            shown.shape.entries.map(([key, s]) => (
              <ShapeField
                key={`${shown.key}.${key}`}
                name={key}
                path={[shown.key, key]}
                shape={s}
                value={record[key]}
                onValue={(next) => {
                  const copy = { ...record };
                  if (next === undefined) delete copy[key];
                  else copy[key] = next;
                  set(shown.key, copy);
                }}
                errors={errors}
              />
            ))
          )}
        </fieldset>
      </div>
    </div>
  );
}

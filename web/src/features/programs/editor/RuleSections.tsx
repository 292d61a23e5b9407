import { ShapeField } from "./ShapeField";
import { dotted, type Shape } from "./shape";
import { humanize, sectionOf } from "./words";

type Group = Extract<Shape, { kind: "group" }>;

interface Props {
  shape: Group;
  value: Record<string, unknown>;
  onValue: (value: Record<string, unknown>) => void;
  errors: Map<string, string>;
}

/** The rules' top-level groups as titled sections in a fixed, familiar order. */
export function RuleSections({ shape, value, onValue, errors }: Props) {
  const set = (key: string, next: unknown) => {
    const copy = { ...value };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    onValue(copy);
  };
  const seen = new Set<string>();
  const groups = shape.entries
    .map(([key, s]) => ({ key, shape: s, ...sectionOf(key) }))
    .sort((a, b) => a.index - b.index)
    .map((g) => {
      const title = seen.has(g.title) ? humanize(g.key) : g.title;
      seen.add(g.title);
      return { ...g, title };
    });

  return (
    <>
      {groups.map((g) => {
        const record = (value[g.key] ?? {}) as Record<string, unknown>;
        const id = `section-${g.key}`;
        const error = g.shape.kind === "group" ? errors.get(dotted([g.key])) : undefined;
        return (
          <fieldset
            key={g.key}
            class="card rule-section"
            aria-describedby={g.guidance ? `${id}-guide` : undefined}
          >
            <legend>{g.title}</legend>
            {g.guidance && (
              <p id={`${id}-guide`} class="guidance">
                {g.guidance}
              </p>
            )}
            {error && <p class="field-error">{error}</p>}
            {g.shape.kind !== "group" ? (
              <ShapeField
                name={g.key}
                label={`${g.title} in this program`}
                path={[g.key]}
                shape={g.shape}
                value={value[g.key]}
                onValue={(next) => set(g.key, next)}
                errors={errors}
              />
            ) : (
              g.shape.entries.map(([key, s]) => (
                <ShapeField
                  key={key}
                  name={key}
                  path={[g.key, key]}
                  shape={s}
                  value={record[key]}
                  onValue={(next) => {
                    const copy = { ...record };
                    if (next === undefined) delete copy[key];
                    else copy[key] = next;
                    set(g.key, copy);
                  }}
                  errors={errors}
                />
              ))
            )}
          </fieldset>
        );
      })}
    </>
  );
}

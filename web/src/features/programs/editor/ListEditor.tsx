import { useEffect, useRef, useState } from "preact/hooks";
import { ItemActions } from "../../../ui/ItemActions";
import { type FieldProps, ShapeField } from "./ShapeField";
import { blankOf, dotted, type Shape } from "./shape";
import { singular } from "./words";

type ListShape = Extract<Shape, { kind: "list" }>;

/** Where focus goes after a change to the list, so keyboard users keep their place. */
type FocusAfter = { index: number; control: "up" | "down" | "remove" | "first" } | "add" | null;

function itemTitle(item: unknown, fallback: string): string {
  if (typeof item === "string" && item.trim()) return item.trim().slice(0, 60);
  if (item && typeof item === "object") {
    const named = ["label", "title", "name", "text", "question", "prompt", "field", "key"]
      .map((k) => (item as Record<string, unknown>)[k])
      .find((v) => typeof v === "string" && v.trim());
    if (typeof named === "string") return named.trim().slice(0, 60);
  }
  return fallback;
}

/** A list of questions, criteria, …: add, remove and reorder with buttons, not dragging. */
export function ListEditor(props: FieldProps & { label: string; shape: ListShape }) {
  const { name, label, path, shape, value, onValue, errors, hints } = props;
  const items = Array.isArray(value) ? value : [];
  const one = singular(name);
  const ref = useRef<HTMLFieldSetElement>(null);
  const [focusAfter, setFocusAfter] = useState<FocusAfter>(null);
  const error = errors.get(dotted(path));
  const atMax = shape.max !== undefined && items.length >= shape.max;
  const atMin = shape.min !== undefined && items.length <= shape.min;

  useEffect(() => {
    const root = ref.current;
    if (!root || focusAfter === null) return;
    setFocusAfter(null);
    if (focusAfter === "add") {
      root.querySelector<HTMLElement>("[data-control='add']")?.focus();
      return;
    }
    const item = root.querySelector(`[data-item='${focusAfter.index}']`);
    const wanted =
      focusAfter.control === "first"
        ? item?.querySelector<HTMLElement>("input, select, textarea")
        : item?.querySelector<HTMLButtonElement>(`[data-control='${focusAfter.control}']`);
    const fallback = item?.querySelector<HTMLElement>("[data-control='remove']");
    (wanted && !(wanted as HTMLButtonElement).disabled ? wanted : fallback)?.focus();
  }, [focusAfter]);

  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onValue(next);
    setFocusAfter({ index: to, control: to < from ? "up" : "down" });
  };
  const remove = (index: number) => {
    onValue(items.filter((_, i) => i !== index));
    const left = items.length - 1;
    setFocusAfter(left === 0 ? "add" : { index: Math.min(index, left - 1), control: "remove" });
  };
  const add = () => {
    onValue([...items, blankOf(shape.item)]);
    setFocusAfter({ index: items.length, control: "first" });
  };

  return (
    <fieldset class="rule-group list-editor" ref={ref}>
      <legend>{label}</legend>
      {error && <p class="field-error">{error}</p>}
      {items.length === 0 && <p class="muted small">None yet.</p>}
      <ol class="list-items">
        {items.map((item, index) => {
          const title = `${one} ${index + 1}`;
          const named = itemTitle(item, title);
          return (
            // Items have no stable id of their own; the index is their identity here.
            <li key={index} data-item={index} class="list-item">
              <ShapeField
                name={one}
                label={title}
                path={[...path, index]}
                shape={shape.item}
                value={item}
                onValue={(next) => onValue(items.map((old, i) => (i === index ? next : old)))}
                errors={errors}
                {...(hints ? { hints } : {})}
              />
              <ItemActions
                index={index}
                count={items.length}
                name={named}
                onMove={move}
                onRemove={remove}
                removeDisabled={atMin}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" class="button small" data-control="add" disabled={atMax} onClick={add}>
        Add {one.toLowerCase()}
        <span class="visually-hidden"> to {label}</span>
      </button>
    </fieldset>
  );
}

/**
 * What a valibot schema (or, lacking one, a value) asks for, in the terms a form needs: the
 * editors draw their fields from the same schema the API validates with, so a field added to
 * the rules appears here without a change to the web client.
 */

export type Shape =
  | { kind: "number"; min?: number; max?: number; integer: boolean; optional: boolean }
  | { kind: "boolean"; optional: boolean }
  | { kind: "string"; maxLength?: number; optional: boolean }
  | { kind: "choice"; options: string[]; optional: boolean }
  | { kind: "list"; item: Shape; optional: boolean; min?: number; max?: number }
  | { kind: "group"; entries: [string, Shape][]; optional: boolean }
  | { kind: "unknown"; optional: boolean };

interface SchemaLike {
  type?: string;
  wrapped?: SchemaLike;
  entries?: Record<string, SchemaLike>;
  item?: SchemaLike;
  options?: unknown[];
  enum?: Record<string, unknown>;
  literal?: unknown;
  value?: SchemaLike;
  pipe?: { kind?: string; type?: string; requirement?: unknown }[];
  default?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const WRAPPERS = new Set(["optional", "nullable", "nullish", "exact_optional", "undefinedable"]);

function requirement(schema: SchemaLike, type: string): number | undefined {
  const action = schema.pipe?.find((a) => a.kind === "validation" && a.type === type);
  return typeof action?.requirement === "number" ? action.requirement : undefined;
}

/** The shape of a plain value, for keys the schema does not describe. */
export function shapeOfValue(value: unknown, optional = false): Shape {
  if (typeof value === "number") return { kind: "number", integer: false, optional };
  if (typeof value === "boolean") return { kind: "boolean", optional };
  if (typeof value === "string") return { kind: "string", optional };
  if (Array.isArray(value)) {
    return { kind: "list", item: shapeOfValue(value[0] ?? ""), optional };
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([k, v]): [string, Shape] => [k, shapeOfValue(v)]);
    return { kind: "group", entries, optional };
  }
  return { kind: "unknown", optional };
}

function literalOptions(options: unknown[]): string[] | null {
  const values = options.map((o) => (isRecord(o) && "literal" in o ? o.literal : undefined));
  return values.every((v) => typeof v === "string") ? (values as string[]) : null;
}

export function shapeOf(schema: unknown, value: unknown, optional = false): Shape {
  const s = schema as SchemaLike | undefined;
  if (!s || typeof s !== "object" || !s.type) return shapeOfValue(value, optional);
  if (WRAPPERS.has(s.type) && s.wrapped) return shapeOf(s.wrapped, value, true);
  switch (s.type) {
    case "number":
      return {
        kind: "number",
        ...numberLimits(s),
        integer: s.pipe?.some((a) => a.type === "integer") ?? false,
        optional,
      };
    case "boolean":
      return { kind: "boolean", optional };
    case "string": {
      const maxLength = requirement(s, "max_length");
      return { kind: "string", ...(maxLength ? { maxLength } : {}), optional };
    }
    case "picklist":
      return { kind: "choice", options: (s.options ?? []).map(String), optional };
    case "enum":
      return { kind: "choice", options: Object.values(s.enum ?? {}).map(String), optional };
    case "literal":
      return { kind: "choice", options: [String(s.literal)], optional };
    case "array": {
      const items = Array.isArray(value) ? value : [];
      const min = requirement(s, "min_length");
      const max = requirement(s, "max_length");
      return {
        kind: "list",
        item: shapeOf(s.item, items[0]),
        optional,
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      };
    }
    case "object":
    case "loose_object":
    case "strict_object":
    case "object_with_rest": {
      const given = isRecord(value) ? value : {};
      const entries = Object.entries(s.entries ?? {}).map(([key, sub]): [string, Shape] => [
        key,
        shapeOf(sub, given[key]),
      ]);
      const known = new Set(entries.map(([k]) => k));
      for (const [key, v] of Object.entries(given)) {
        if (!known.has(key)) entries.push([key, shapeOfValue(v)]);
      }
      return { kind: "group", entries, optional };
    }
    case "record": {
      const given = isRecord(value) ? value : {};
      const entries = Object.entries(given).map(([k, v]): [string, Shape] => [
        k,
        shapeOf(s.value, v),
      ]);
      return { kind: "group", entries, optional };
    }
    case "union":
    case "variant": {
      const options = (s.options ?? []) as SchemaLike[];
      const literals = literalOptions(options);
      if (literals) return { kind: "choice", options: literals, optional };
      return shapeOf(options[0], value, optional);
    }
    default:
      return shapeOfValue(value, optional);
  }
}

function numberLimits(s: SchemaLike): { min?: number; max?: number } {
  const min = requirement(s, "min_value");
  const max = requirement(s, "max_value");
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** A blank value for a new list item of this shape. */
export function blankOf(shape: Shape): unknown {
  switch (shape.kind) {
    case "number":
      return shape.min ?? (shape.max !== undefined ? Math.min(1, shape.max) : 1);
    case "boolean":
      return false;
    case "string":
      return "";
    case "choice":
      return shape.options[0] ?? "";
    case "list":
      return [];
    case "group":
      return Object.fromEntries(
        shape.entries
          .filter(([, sub]) => !sub.optional)
          .map(([key, sub]) => [key, key === "id" ? newId() : blankOf(sub)]),
      );
    default:
      return "";
  }
}

/** Ids key stored answers: a letter, then lowercase letters and digits. */
export const newId = () => `q${Math.random().toString(36).slice(2, 10)}`;

/** A dotted path as the API and valibot name it: "matching.criteria.0.weight". */
export const dotted = (path: (string | number)[]) => path.join(".");

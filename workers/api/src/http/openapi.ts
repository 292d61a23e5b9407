import type { Handler } from "hono";
import packageJson from "../../../../package.json" with { type: "json" };
import { problem } from "../../../shared/src/contracts/common/errors";
import { openApiAccess } from "./access";
import type { AppEnv } from "./app-env";
import {
  areaOf,
  areas,
  credentialsOf,
  openApiPath,
  responses,
  type Security,
  securitySchemes,
  summaries,
} from "./openapi-areas";
import { type JsonObject, jsonSchemaOf } from "./openapi-schemas";
import type { DeclaredAnswer } from "./responds";
import { type RouteContract, routeContracts } from "./route-contracts";
import type { ValidatedInput } from "./validator";

/**
 * The OpenAPI 3.1 document of the API, generated from the app itself: every route Hono has
 * registered, with the valibot schemas its `validate()` and `responds()` carry as JSON Schema.
 * Who may call a route is its `allows` declaration; what the routes do not say (areas,
 * summaries, the credentials of unauthenticated and operator routes) is in openapi-areas.ts.
 *
 * Not hono-openapi: its schema converters import every other validation library dynamically
 * (effect, sury, zod…), and Miniflare refuses a Worker bundle with imports it cannot resolve.
 */

export { openApiPath, summaries } from "./openapi-areas";

interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  description?: string;
  schema: unknown;
}
interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security: Security;
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, { schema: JsonObject }> };
  responses: JsonObject;
}

/** `/v1/members/:id` → `/v1/members/{id}`, with Hono's `{regex}` and `?` left out. */
const openApiForm = (path: string) => path.replace(/:([^/{?]+)(\{[^/]*\})?\??/g, "{$1}");

/** `post /v1/members/{id}/deactivate` → `postV1MembersByIdDeactivate`. */
function operationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9{}]+/).filter(Boolean);
  const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return (
    method +
    words.map((w) => (w.startsWith("{") ? `By${pascal(w.slice(1, -1))}` : pascal(w))).join("")
  );
}

function addInput(op: Operation, input: ValidatedInput, defs: JsonObject): void {
  const schema = jsonSchemaOf(input.schema, "input", defs);
  if (input.target === "json" || input.target === "form") {
    const media = input.target === "json" ? "application/json" : "multipart/form-data";
    op.requestBody = { required: true, content: { [media]: { schema } } };
    return;
  }
  const where = input.target === "param" ? "path" : input.target;
  if (where !== "query" && where !== "path" && where !== "header" && where !== "cookie") return;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  for (const [name, { description, ...property }] of Object.entries(properties)) {
    const others = (op.parameters ?? []).filter((p) => !(p.in === where && p.name === name));
    const parameter: Parameter = { in: where, name, schema: property };
    if (where === "path" || required.has(name)) parameter.required = true;
    if (typeof description === "string") parameter.description = description;
    op.parameters = [...others, parameter];
  }
}

const reasons: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted: the work goes on after the answer.",
  204: "Done; no content.",
  207: "Done in part: the answer lists what failed.",
};

function answerOf({ status, schema }: DeclaredAnswer, defs: JsonObject): JsonObject {
  const description = reasons[status] ?? String(status);
  if (!schema) return { description };
  const content = { "application/json": { schema: jsonSchemaOf(schema, "output", defs) } };
  return { description, content };
}

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

function operationOf(route: RouteContract, path: string, defs: JsonObject): Operation {
  const method = route.method.toLowerCase();
  const op: Operation = { operationId: operationId(method, path), security: [], responses: {} };
  for (const input of route.inputs) addInput(op, input, defs);
  const area = areaOf(path);
  if (area) op.tags = [area.tag];
  if (route.access) Object.assign(op, openApiAccess(route.access));
  else op.security = credentialsOf(path);
  const summary = summaries[`${route.method} ${path}`];
  if (summary) op.summary = summary;
  for (const name of path.match(/\{[^}]+\}/g) ?? []) {
    const param = name.slice(1, -1);
    if (op.parameters?.some((p) => p.in === "path" && p.name === param)) continue;
    const parameter: Parameter = {
      in: "path",
      name: param,
      required: true,
      schema: { type: "string" },
    };
    op.parameters = [...(op.parameters ?? []), parameter];
  }
  op.responses = {
    ...Object.fromEntries(route.answers.map((a) => [String(a.status), answerOf(a, defs)])),
    // Operations with an input `validate()` checks may answer 400 with field errors.
    ...(route.inputs.length > 0 ? { "400": ref("ValidationProblem") } : {}),
    ...(op.security.length > 0 ? { "401": ref("Unauthorized") } : {}),
    default: ref("Problem"),
  };
  return op;
}

/** Objects with their keys in code-point order, so the document diffs and compares stably. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** The document for this app, reached at `publicUrl`. Keys are sorted below the top level. */
export function openApiDocument(
  app: { routes: readonly { method: string; path: string; handler: unknown }[] },
  publicUrl: string,
): JsonObject {
  const paths: Record<string, Record<string, Operation>> = {};
  const defs: JsonObject = {};
  jsonSchemaOf(problem, "output", defs);
  for (const route of routeContracts(app.routes)) {
    if (route.path === openApiPath) continue;
    const path = openApiForm(route.path);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(route, path, defs);
  }
  const document = {
    openapi: "3.1.0",
    info: {
      title: "Tandem API",
      version: packageJson.version,
      description:
        "Peer-mentoring programs for universities and companies. Every error is answered " +
        "as application/problem+json (components.schemas.Problem).",
    },
    servers: [{ url: publicUrl }],
    tags: areas.map(({ tag, description }) => ({ name: tag, description })),
    paths: sortKeys(paths),
    components: sortKeys({ securitySchemes, schemas: defs, responses }),
  };
  // valibot's references point into the schema itself; here its definitions are components.
  return JSON.parse(JSON.stringify(document).replaceAll('"#/$defs/', '"#/components/schemas/'));
}

/** GET /openapi.json: made on first request, when every route is registered, then kept. */
export function openApiRoute(app: Parameters<typeof openApiDocument>[0]): Handler<AppEnv> {
  let document: JsonObject | undefined;
  return (c) => {
    document ??= openApiDocument(app, c.get("platform").publicUrl);
    c.header("cache-control", "public, max-age=300");
    return c.json(document);
  };
}

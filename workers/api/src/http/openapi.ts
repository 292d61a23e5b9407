import { toJsonSchema } from "@valibot/to-json-schema";
import type { Handler } from "hono";
import { findTargetHandler } from "hono/utils/handler";
import packageJson from "../../../../package.json" with { type: "json" };
import type { AppEnv } from "./app-env";
import { type ValidatedInput, validatedInputOf } from "./validator";

/**
 * The OpenAPI 3.1 document of the API, generated from the app itself: every route Hono has
 * registered, with the valibot schemas `validate()` attached (validator.ts) as JSON Schema.
 * What the routes do not say (areas, summaries, credentials, the problem shape) is added here,
 * by path.
 *
 * Not hono-openapi: its schema converters import every other validation library dynamically
 * (effect, sury, zod…), and Miniflare refuses a Worker bundle with imports it cannot resolve.
 */

export const openApiPath = "/openapi.json";

type JsonObject = Record<string, unknown>;
type Security = Record<string, string[]>[];
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
  tags?: string[];
  security: Security;
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, { schema: JsonObject }> };
  responses: JsonObject;
}

const member = { memberToken: [] };
const integration = { clientAssertion: [] };
const operator = { operatorToken: [] };

/** Alternatives, any one of them enough, by path prefix; the longest match wins. */
const credentials: [prefix: string, security: Security][] = [
  ["/", []],
  ["/v1", [member, integration]],
  ["/v1/orgs/{slug}/auth", []],
  // No "me" for an integration, and only admins manage API clients.
  ["/v1/me", [member]],
  ["/v1/clients", [member]],
  ["/v1/outbox", [member]],
  ["/operator/v1", [operator]],
];

interface Area {
  tag: string;
  description: string;
  /** OpenAPI path prefixes; the longest match wins. */
  prefixes: string[];
}

const areas: Area[] = [
  {
    tag: "health",
    description: "Liveness, the platform's public keys and this document. No credential.",
    prefixes: ["/healthz", "/.well-known", openApiPath],
  },
  {
    tag: "auth",
    description: "Signing in and email links. No token: the organization is named by slug.",
    prefixes: ["/v1/orgs/{slug}/auth"],
  },
  {
    tag: "me",
    description: "The signed-in member. Members only: integrations get 403.",
    prefixes: ["/v1/me"],
  },
  {
    tag: "members",
    description: "Members and invitations: admins; integrations with members:read/write.",
    prefixes: ["/v1/members"],
  },
  {
    tag: "programs",
    description: "Mentoring programs and their templates.",
    prefixes: ["/v1/programs", "/v1/program-templates"],
  },
  {
    tag: "enrollments",
    description: "Who takes part in a program, and as what.",
    prefixes: ["/v1/programs/{programId}/enrollments", "/v1/me/enrollments"],
  },
  {
    tag: "training",
    description: "The training a program asks of its participants.",
    prefixes: ["/v1/programs/{programId}/training"],
  },
  {
    tag: "clients",
    description: "Integration clients (API keys as JWKs). Admins only.",
    prefixes: ["/v1/clients"],
  },
  {
    tag: "audit",
    description: "The organization's audit log: admins; integrations with audit:read.",
    prefixes: ["/v1/audit"],
  },
  {
    tag: "outbox",
    description: "Emails sent, waiting for a retry or failed, with a retry action. Admins only.",
    prefixes: ["/v1/outbox"],
  },
  {
    tag: "operator",
    description: "Running the platform: tenants and migrations. Operator token only.",
    prefixes: ["/operator/v1"],
  },
];

/** Short summaries by "METHOD /path" (OpenAPI form). The full reference is docs/api.md. */
export const summaries: Record<string, string> = {
  "GET /healthz": "Liveness check",
  "GET /.well-known/jwks.json": "Public keys that verify access tokens",
  "GET /v1/orgs/{slug}/auth/organization": "The organization's public name and kind",
  "POST /v1/orgs/{slug}/auth/login": "Sign in with email and password",
  "POST /v1/orgs/{slug}/auth/refresh": "New access token from the refresh cookie",
  "POST /v1/orgs/{slug}/auth/logout": "Sign out: revoke this sign-in's sessions",
  "POST /v1/orgs/{slug}/auth/invitations/lookup": "What an invitation link is for",
  "POST /v1/orgs/{slug}/auth/invitations/accept": "Accept an invitation and sign in",
  "POST /v1/orgs/{slug}/auth/password-reset": "Email a password reset link",
  "POST /v1/orgs/{slug}/auth/password-reset/confirm": "Set a new password from a reset link",
  "POST /v1/orgs/{slug}/auth/email-change/confirm": "Confirm a new email address",
  "GET /v1/me": "The signed-in member",
  "PATCH /v1/me": "Change display name or time zone",
  "POST /v1/me/password": "Change password",
  "POST /v1/me/email": "Start an email address change",
  "GET /v1/members": "List members",
  "GET /v1/members/invitations": "List open invitations",
  "POST /v1/members/invitations": "Invite one person",
  "POST /v1/members/invitations/bulk": "Invite up to 500 people",
  "DELETE /v1/members/invitations/{id}": "Revoke an invitation",
  "POST /v1/members/invitations/{id}/resend": "Resend an invitation with a fresh link",
  "PATCH /v1/members/{id}": "Change a member's role",
  "POST /v1/members/{id}/deactivate": "Deactivate a member",
  "POST /v1/members/{id}/reactivate": "Reactivate a member",
  "GET /v1/clients": "List integration clients",
  "POST /v1/clients": "Register an integration client",
  "POST /v1/clients/{id}/keys": "Add a public key to a client",
  "DELETE /v1/clients/{id}/keys/{kid}": "Remove a client's key",
  "POST /v1/clients/{id}/revoke": "Revoke an integration client",
  "GET /v1/audit": "Read the audit log",
  "GET /v1/outbox": "List email deliveries (?status=dead: the failed ones)",
  "POST /v1/outbox/{id}/retry": "Retry a failed delivery",
  "GET /operator/v1/tenants": "List organizations",
  "POST /operator/v1/tenants": "Create an organization",
  "POST /operator/v1/tenants/{slug}/admin-invitations": "Invite an organization's admin",
  "POST /operator/v1/tenants/{slug}/suspend": "Suspend an organization",
  "POST /operator/v1/tenants/{slug}/resume": "Resume a suspended organization",
  "POST /operator/v1/migrate": "Migrate every organization's database",
};

const problemSchema = {
  type: "object",
  description: "RFC 9457 problem details, as every error of the API is answered.",
  required: ["type", "title", "status", "detail", "code", "requestId"],
  properties: {
    type: { type: "string", format: "uri", examples: ["https://tandem.dev/problems/validation"] },
    title: { type: "string", examples: ["Invalid input"] },
    status: { type: "integer", examples: [400] },
    detail: { type: "string", description: "What is wrong, for people." },
    code: {
      type: "string",
      description: "What is wrong, for programs.",
      enum: [
        "validation",
        "unauthorized",
        "forbidden",
        "not_found",
        "conflict",
        "payload_too_large",
        "unsupported_media_type",
        "rate_limited",
        "internal",
        "upstream_failed",
        "tenant_unavailable",
        "service_unavailable",
        "schema_behind",
        "misconfigured",
      ],
    },
    requestId: { type: "string", description: "Also in the x-request-id header." },
    errors: {
      type: "array",
      description: "Invalid input only: one entry per field that is wrong.",
      items: {
        type: "object",
        required: ["field", "message"],
        properties: {
          field: { type: "string", description: 'Dotted path into the input; "" for all of it.' },
          message: { type: "string" },
        },
      },
    },
  },
};

const problemContent = {
  "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
};

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

const under = (path: string, prefix: string) =>
  prefix === "/" || path === prefix || path.startsWith(`${prefix}/`);

function longestMatch<T>(path: string, entries: [prefix: string, value: T][]): T | undefined {
  let best: { value: T; length: number } | undefined;
  for (const [prefix, value] of entries) {
    if (under(path, prefix) && prefix.length > (best?.length ?? -1)) {
      best = { value, length: prefix.length };
    }
  }
  return best?.value;
}

const areaOf = (path: string) =>
  longestMatch(
    path,
    areas.flatMap((area) => area.prefixes.map((prefix): [string, Area] => [prefix, area])),
  );

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

/** The JSON Schema of what a caller sends (before valibot's transforms); `$defs` are lifted. */
function inputSchema(input: ValidatedInput, defs: JsonObject): JsonObject {
  const {
    $schema: _,
    $defs,
    ...schema
  } = toJsonSchema(input.schema, {
    target: "draft-2020-12",
    typeMode: "input",
    errorMode: "ignore",
  }) as JsonObject;
  Object.assign(defs, $defs);
  return schema;
}

/** Operations with an input `validate()` checks: they may answer 400 with field errors. */
const validated = new WeakSet<Operation>();

function addInput(op: Operation, input: ValidatedInput, defs: JsonObject): void {
  validated.add(op);
  const schema = inputSchema(input, defs);
  if (input.target === "json" || input.target === "form") {
    const media = input.target === "json" ? "application/json" : "multipart/form-data";
    op.requestBody = { required: true, content: { [media]: { schema } } };
    return;
  }
  const where = input.target === "param" ? "path" : input.target;
  if (where !== "query" && where !== "path" && where !== "header" && where !== "cookie") return;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  for (const [name, { description, ...property }] of Object.entries(properties)) {
    const others = (op.parameters ?? []).filter((p) => !(p.in === where && p.name === name));
    const parameter: Parameter = { in: where, name, schema: property };
    if (where === "path" || required.has(name)) parameter.required = true;
    if (typeof description === "string") parameter.description = description;
    op.parameters = [...others, parameter];
  }
}

/** Areas, summaries, credentials and answers, which the routes themselves do not carry. */
function describe(path: string, method: string, op: Operation): void {
  const area = areaOf(path);
  if (area) op.tags = [area.tag];
  op.security = longestMatch(path, credentials) ?? [];
  const summary = summaries[`${method.toUpperCase()} ${path}`];
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
    "2XX": { description: "Success; docs/api.md describes each answer." },
    ...(validated.has(op) ? { "400": ref("ValidationProblem") } : {}),
    ...(op.security.length > 0 ? { "401": ref("Unauthorized") } : {}),
    default: ref("Problem"),
  };
}

/** Objects with their keys in code-point order, so the document diffs and compares stably. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

const securitySchemes = {
  memberToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "A member's access token (EdDSA, typ at+jwt, 15 minutes) from " +
      "POST /v1/orgs/{slug}/auth/login or /refresh.",
  },
  clientAssertion: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "An integration client's own short-lived JWT, signed with a key registered " +
      "under /v1/clients (iss = the client id, aud = the API's public URL).",
  },
  operatorToken: {
    type: "http",
    scheme: "bearer",
    description: "The platform's OPERATOR_TOKEN.",
  },
};

const responses = {
  Problem: { description: "Any error.", content: problemContent },
  ValidationProblem: {
    description: 'Invalid input: code "validation", with one entry per field in errors.',
    content: problemContent,
  },
  Unauthorized: {
    description: "No credential, or one that is not valid here.",
    content: problemContent,
  },
};

/** The document for this app, reached at `publicUrl`. Keys are sorted below the top level. */
export function openApiDocument(
  app: { routes: readonly { method: string; path: string; handler: unknown }[] },
  publicUrl: string,
): JsonObject {
  const paths: Record<string, Record<string, Operation>> = {};
  const defs: JsonObject = {};
  for (const route of app.routes) {
    // Middleware: `use` registers ALL, the body limit registers "/*" for each method.
    if (route.method === "ALL" || route.path === "/*" || route.path === openApiPath) continue;
    const path = openApiForm(route.path);
    const method = route.method.toLowerCase();
    paths[path] ??= {};
    paths[path][method] ??= { operationId: operationId(method, path), security: [], responses: {} };
    const op = paths[path][method];
    // A route's own middleware and its handler are listed separately, each under its path.
    const input = validatedInputOf(findTargetHandler(route.handler as never));
    if (input) addInput(op, input, defs);
  }
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) describe(path, method, op);
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
    components: sortKeys({
      securitySchemes,
      schemas: { ...defs, Problem: problemSchema },
      responses,
    }),
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

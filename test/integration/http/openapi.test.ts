import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentPath, generateDocument } from "../../../scripts/openapi";
import { openApiPath, summaries } from "../../../workers/api/src/http/openapi";
import { type Harness, startHarness } from "../../support/node-harness";

interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: {
    content: Record<string, { schema: { type?: string; required?: string[] } }>;
  };
  responses: Record<string, unknown>;
}

interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

let h: Harness;
let doc: OpenApi;
let res: Response;
beforeAll(async () => {
  h = await startHarness();
  res = await h.request(openApiPath);
  doc = (await res.clone().json()) as OpenApi;
});
afterAll(() => h.close());

/** Hono's `:name` (with an optional `{regex}`) as OpenAPI's `{name}`. */
const openApiForm = (path: string) => path.replace(/:([^/{?]+)(\{[^/]*\})?\??/g, "{$1}");

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

describe("GET /openapi.json", () => {
  it("is public JSON that clients and proxies may cache", async () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
  });

  it("is an OpenAPI 3.1 document of the Tandem API at the platform's public URL", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe("Tandem API");
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.servers).toEqual([{ url: h.platform.publicUrl }]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    expect(Object.keys(doc.components.securitySchemes ?? {}).sort()).toEqual([
      "clientAssertion",
      "memberToken",
      "operatorToken",
    ]);
  });

  it("lists every route the app registers, and nothing else", () => {
    const registered = new Set(
      // Middleware: `use` registers ALL, the body limit registers "/*" for each method.
      h.app.routes
        .filter((r) => r.method !== "ALL" && r.path !== "/*" && r.path !== openApiPath)
        .map((r) => `${r.method} ${openApiForm(r.path)}`),
    );
    const documented = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(documented.slice().sort()).toEqual([...registered].sort());
  });

  it("describes request bodies, query and path parameters from the routes' schemas", () => {
    const invite = doc.paths["/v1/members/invitations"]?.post;
    const body = invite?.requestBody?.content["application/json"]?.schema;
    expect(body?.type).toBe("object");
    expect(body?.required).toContain("email");
    expect(invite?.security).toEqual([{ memberToken: [] }, { clientAssertion: ["members:write"] }]);

    const list = doc.paths["/v1/members"]?.get;
    expect(list?.parameters).toContainEqual(
      expect.objectContaining({ in: "query", name: "limit" }),
    );

    const deactivate = doc.paths["/v1/members/{id}/deactivate"]?.post;
    expect(deactivate?.parameters).toContainEqual(
      expect.objectContaining({ in: "path", name: "id", required: true }),
    );
  });

  it("gives every operation an area, its credentials and the problem answer", () => {
    const tags = new Set(doc.tags.map((t) => t.name));
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.tags?.length, where).toBe(1);
      expect(tags.has(op.tags![0]!), where).toBe(true);
      expect(op.security, where).toBeDefined();
      expect(op.responses.default, where).toEqual({ $ref: "#/components/responses/Problem" });
      expect(ids.has(op.operationId), `${where}: operationId`).toBe(false);
      ids.add(op.operationId);
    }
    expect(doc.paths["/v1/orgs/{slug}/auth/login"]?.post?.security).toEqual([]);
    expect(doc.paths["/v1/me"]?.get?.security).toEqual([{ memberToken: [] }]);
    expect(doc.paths["/operator/v1/migrate"]?.post?.security).toEqual([{ operatorToken: [] }]);
    expect(doc.paths["/v1/members/invitations"]?.post?.responses["400"]).toEqual({
      $ref: "#/components/responses/ValidationProblem",
    });
  });

  it("describes each success answer with its contract, and bodiless ones without content", () => {
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const success = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
      expect(success.length, `${where}: no success answer`).toBeGreaterThan(0);
      for (const status of success) {
        const answer = op.responses[status] as { content?: Record<string, unknown> };
        const bodiless = status === "202" || status === "204";
        expect(answer.content === undefined, `${where} → ${status}`).toBe(bodiless);
      }
    }
    const list = doc.paths["/v1/members"]?.get?.responses["200"];
    expect(list).toMatchObject({
      content: {
        "application/json": {
          schema: {
            properties: { items: { items: { $ref: "#/components/schemas/MemberView" } } },
            required: ["items", "nextCursor"],
          },
        },
      },
    });
    expect(doc.components.schemas?.MemberView).toMatchObject({
      required: ["id", "email", "displayName", "role", "status", "timeZone"],
    });
    expect(doc.paths["/v1/members/invitations/{id}"]?.delete?.responses["204"]).toEqual({
      description: expect.any(String),
    });
    const migrate = doc.paths["/operator/v1/migrate"]?.post?.responses ?? {};
    expect(Object.keys(migrate)).toEqual(expect.arrayContaining(["200", "207"]));
  });

  it("marks each route with who may call it, as the route itself declares", () => {
    const memberOnly = [{ memberToken: [] }];
    // A member's own actions, which no integration may take whatever its scopes.
    expect(doc.paths["/v1/programs/{programId}/enrollments"]?.post?.security).toEqual(memberOnly);
    const complete = doc.paths["/v1/programs/{programId}/training/{resourceId}/complete"]?.post;
    expect(complete?.security).toEqual(memberOnly);
    expect(doc.paths["/v1/me/enrollments"]?.get?.security).toEqual(memberOnly);
    expect(doc.paths["/v1/clients"]?.post?.security).toEqual(memberOnly);
    expect(doc.paths["/v1/outbox"]?.get?.security).toEqual(memberOnly);
    // The rest name the one scope an integration needs.
    expect(doc.paths["/v1/programs/{programId}/enrollments"]?.get?.security).toEqual([
      { memberToken: [] },
      { clientAssertion: ["enrollments:read"] },
    ]);
    for (const { path, method, op } of operations()) {
      if (!path.startsWith("/v1/") || path.startsWith("/v1/orgs/")) continue;
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.security?.[0], where).toEqual({ memberToken: [] });
      const client = op.security?.[1]?.clientAssertion;
      if (client) expect(client, where).toHaveLength(1);
      expect(op.description, where).toMatch(/^Who may call it: /);
    }
    expect(complete?.description).toBe(
      "Who may call it: any signed-in member, for themselves; never an integration.",
    );
  });

  it("documents the operator's tenant create with its body", () => {
    const create = doc.paths["/operator/v1/tenants"]?.post;
    const body = create?.requestBody?.content["application/json"]?.schema;
    expect(body?.required).toEqual(["slug", "name", "kind"]);
    expect(create?.responses["400"]).toEqual({ $ref: "#/components/responses/ValidationProblem" });
  });

  it("refers only to components it defines", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
    for (const ref of new Set(refs)) {
      const [, section, name] = /"#\/components\/([^/]+)\/([^"]+)"/.exec(ref) ?? [];
      expect(section && name && doc.components[section]?.[name], ref).toBeTruthy();
    }
  });

  it("has no summary for a route that does not exist", () => {
    const documented = new Set(operations().map((o) => `${o.method.toUpperCase()} ${o.path}`));
    expect(Object.keys(summaries).filter((key) => !documented.has(key))).toEqual([]);
  });
});

describe("docs/openapi.json", () => {
  it("is what `npm run openapi` writes today (run it after changing a route)", async () => {
    const committed: unknown = JSON.parse(readFileSync(documentPath, "utf8"));
    expect(committed, "docs/openapi.json is stale: run `npm run openapi`").toEqual(
      await generateDocument(),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeContracts } from "../../../workers/api/src/http/route-contracts";
import { answerCheck } from "../../support/contract-check";
import { type Harness, startHarness } from "../../support/node-harness";

// Every route declares its answer with `responds()`, and every answer the harness sees is
// parsed with what its route declares (test/support/contract-check.ts): the security suite's
// successful calls cover each authenticated route, and the walk below the rest.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const json = (body: unknown) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", origin: "http://tandem.test" },
});

describe("declared answers", () => {
  it("every route declares what it answers, a body for every status but 202 and 204", () => {
    const routes = routeContracts(h.app.routes);
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const where = `${route.method} ${route.path}`;
      const statuses = route.answers.map((a) => a.status);
      expect(statuses.length, `${where} declares no answer: add responds()`).toBeGreaterThan(0);
      expect(new Set(statuses).size, `${where} declares a status twice`).toBe(statuses.length);
      for (const answer of route.answers) {
        const bodiless = answer.status === 202 || answer.status === 204;
        expect(answer.schema === null, `${where} → ${answer.status}`).toBe(bodiless);
      }
    }
  });

  it("an answer that drifts from its route's contract is caught", async () => {
    const check = answerCheck(h.app.routes);
    const answer = (body: unknown, status = 200, type = "application/json") =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { "content-type": type },
      });
    const healthy = { status: "ok", time: new Date().toISOString() };
    expect(await check("GET", "/healthz", answer(healthy))).toBeNull();
    expect(await check("GET", "/healthz", answer({ ...healthy, time: "soon" }))).toMatch(
      /GET \/healthz → 200: the answer breaks its contract: time: /,
    );
    expect(await check("GET", "/healthz", answer(healthy, 201))).toMatch(/declares 200$/);
    expect(await check("POST", "/v1/me/email", answer({ sent: true }, 202))).toMatch(
      /declared bodiless/,
    );
    expect(await check("GET", "/v1/members/invitations", answer({ items: [] }))).toMatch(
      /nextCursor/,
    );
    const problem = answer({ title: "Nope" }, 404, "application/problem+json");
    expect(await check("GET", "/v1/nowhere", problem)).toMatch(/breaks its contract/);
  });
});

describe("the routes outside the security suite keep their contracts", () => {
  const operator = () => ({ token: h.platform.operatorToken });

  it("public routes", async () => {
    for (const path of ["/healthz", "/.well-known/jwks.json", "/openapi.json"]) {
      expect((await h.request(path)).status, path).toBe(200);
    }
  });

  it("the operator API, from creating an organization to a migration that fails in part", async () => {
    const created = await h.request("/operator/v1/tenants", {
      ...json({ slug: "walk-org", name: "Walk", kind: "company", adminEmail: "a@walk.test" }),
      ...operator(),
    });
    expect(created.status).toBe(201);
    const { invitation } = (await created.json()) as { invitation: { link: string } };
    const again = await h.request("/operator/v1/tenants/walk-org/admin-invitations", {
      ...json({ email: "b@walk.test" }),
      ...operator(),
    });
    expect(again.status).toBe(201);
    for (const step of ["suspend", "resume"]) {
      const res = await h.request(`/operator/v1/tenants/walk-org/${step}`, {
        method: "POST",
        ...operator(),
      });
      expect(res.status, step).toBe(200);
    }
    expect((await h.request("/operator/v1/tenants", operator())).status).toBe(200);
    expect(
      (await h.request("/operator/v1/migrate", { method: "POST", ...operator() })).status,
    ).toBe(200);
    await walkTheAuthRoutes(new URL(invitation.link).hash.slice("#token=".length));

    await h.createTenant("walk-broken");
    await h.breakTenantDb("walk-broken");
    const partial = await h.request("/operator/v1/migrate", { method: "POST", ...operator() });
    expect(partial.status).toBe(207);
  });
});

/** An invited admin accepts, signs in, refreshes and signs out. */
async function walkTheAuthRoutes(token: string) {
  const auth = "/v1/orgs/walk-org/auth";
  expect((await h.request(`${auth}/organization`)).status).toBe(200);
  const lookup = await h.request(`${auth}/invitations/lookup`, json({ token }));
  expect(lookup.status).toBe(200);
  const password = "walking tandem river 7";
  const accepted = await h.request(`${auth}/invitations/accept`, json({ token, password }));
  expect(accepted.status).toBe(200);
  const signedIn = await h.request(`${auth}/login`, json({ email: "a@walk.test", password }));
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers.getSetCookie()[0]!.split(";")[0]!;
  const withCookie = json({});
  const refreshed = await h.request(`${auth}/refresh`, {
    ...withCookie,
    headers: { ...withCookie.headers, cookie },
  });
  expect(refreshed.status).toBe(200);
  const next = refreshed.headers.getSetCookie()[0]!.split(";")[0]!;
  const out = await h.request(`${auth}/logout`, {
    ...withCookie,
    headers: { ...withCookie.headers, cookie: next },
  });
  expect(out.status).toBe(204);
  const reset = await h.request(`${auth}/password-reset`, json({ email: "a@walk.test" }));
  expect(reset.status).toBe(202);
  await h.platform.background.idle();
}

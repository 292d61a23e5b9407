import type { JWK } from "jose";
import { expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { maxBodyBytes } from "../../../workers/api/src/app";
import { expectProblem } from "../problem";
import { wrongTypes } from "./attacks";
import { expectStatus } from "./helpers";
import type { OrgRouteSpec, RouteTable, SendOptions, SuiteEnv } from "./types";

// Routes outside the member and integration world: an organization's sign-in routes, which
// take no token, and the operator's and public routes.

export function orgRouteChecks(env: () => SuiteEnv, route: OrgRouteSpec) {
  const pathOf = (slug: string) => route.path.replace("{slug}", slug);
  const jsonHeaders = { "content-type": "application/json", origin: "http://tandem.test" };
  const send = (slug: string, opts: SendOptions = {}) => {
    const base: SendOptions =
      route.method === "GET"
        ? {}
        : route.body
          ? { json: route.body(), headers: jsonHeaders }
          : { body: "{}", headers: jsonHeaders };
    // A raw body given by the check replaces the table's JSON one.
    if (opts.body !== undefined) delete base.json;
    return env().send(route.method, pathOf(slug), { ...base, ...opts });
  };

  it("an unknown or malformed organization → 404", async () => {
    for (const slug of ["sec-nowhere", "NOT_A_SLUG", "x".repeat(300)]) {
      await expectProblem(await send(slug), 404, "not_found");
    }
  });

  if (route.body) {
    const body = route.body;
    it("malformed JSON, wrong types and non-objects → 400", async () => {
      const { a } = env();
      const headers = { "content-type": "application/json" };
      const malformed = await send(a.slug, { body: '{"oops": ', headers });
      await expectProblem(malformed, 400, "validation");
      const wrong = await expectProblem(
        await send(a.slug, { json: wrongTypes(body()) }),
        400,
        "validation",
      );
      expect(wrong.errors.length).toBeGreaterThan(0);
      for (const raw of ["null", "[]", "42"]) {
        await expectProblem(await send(a.slug, { body: raw, headers }), 400, "validation");
      }
    });
  }

  if (route.method !== "GET") {
    it("a body over 1 MiB → 413", async () => {
      const { a } = env();
      const huge = JSON.stringify({ pad: "x".repeat(maxBodyBytes) });
      await expectProblem(
        await send(a.slug, { body: huge, headers: jsonHeaders }),
        413,
        "payload_too_large",
      );
    });
  }

  if (route.cookie) {
    it("acts on the cookie only for JSON from Tandem's own origin (415, 403)", async () => {
      const { a } = env();
      const plain = await send(a.slug, { headers: { "content-type": "text/plain" } });
      await expectProblem(plain, 415, "unsupported_media_type");
      const foreign = await send(a.slug, {
        headers: { "content-type": "application/json", origin: "https://evil.example" },
      });
      await expectProblem(foreign, 403, "forbidden");
    });
  }
}

export function plainRouteChecks(env: () => SuiteEnv, table: RouteTable) {
  for (const route of table.operator) {
    it(`${route.method} ${route.path}: members' and clients' credentials → 401`, async () => {
      const e = env();
      const path = route.path.replace("{slug}", e.a.slug);
      const body = {
        slug: "sec-evil",
        name: "Evil",
        kind: "company",
        email: "evil@evil.test",
        adminEmail: "evil@evil.test",
      };
      const controlBefore = await e.h.platform.control.select().from(tenants);
      const credentials = [
        undefined,
        await e.memberToken(e.a, e.a.admin),
        await e.clientToken(e.a.clients.full),
      ];
      for (const token of credentials) {
        const res = await e.send(route.method, path, {
          ...(token === undefined ? {} : { token }),
          ...(route.method === "GET" ? {} : { json: body }),
        });
        await expectProblem(res, 401, "unauthorized");
      }
      expect(await e.h.platform.control.select().from(tenants)).toEqual(controlBefore);
    });
  }

  for (const route of table.public) {
    it(`${route.method} ${route.path}: public, and shows no secret`, async () => {
      const e = env();
      const res = await e.send(route.method, route.path);
      await expectStatus(res, 200);
      const body = (await res.json()) as { keys?: JWK[] };
      for (const key of body.keys ?? []) {
        for (const secret of ["d", "p", "q", "dp", "dq", "qi", "k"]) {
          expect(key, `a private member "${secret}" in the JWKS`).not.toHaveProperty(secret);
        }
      }
    });
  }
}

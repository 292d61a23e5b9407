import { expect, it } from "vitest";
import { routeContracts } from "../../../workers/api/src/http/route-contracts";
import { integrationScope } from "../../../workers/shared/src/security/access";
import { checkTitles } from "./checks";
import { placeholders, routeKey } from "./helpers";
import { type ClientKind, clientGrants, type RouteTable, type SuiteEnv } from "./types";

export function tableChecks(env: () => SuiteEnv, table: RouteTable) {
  const declared = [...table.authenticated, ...table.org, ...table.public, ...table.operator];

  it("names every route the app registers, and no route it does not", () => {
    const registered = new Set(
      // Middleware: `use` registers ALL, the body limit registers "/*" for each method.
      env()
        .h.app.routes.filter((r) => r.method !== "ALL" && r.path !== "/*")
        .map((r) => routeKey(r.method, r.path)),
    );
    const inTable = new Set(declared.map((r) => routeKey(r.method, r.path)));
    expect(
      [...registered].filter((k) => !inTable.has(k)),
      "routes missing from the table",
    ).toEqual([]);
    expect(
      [...inTable].filter((k) => !registered.has(k)),
      "table rows with no route",
    ).toEqual([]);
    expect(inTable.size, "duplicate rows").toBe(declared.length);
  });

  it("declares how each authenticated route is reached and what it changes", () => {
    for (const route of table.authenticated) {
      expect(route.path, route.path).toMatch(/^\/v1\/(?!orgs\/)/);
      if (route.method !== "GET") expect(route.snapshot, `${route.path} snapshot`).toBeDefined();
      if (placeholders(route.path).length > 0) {
        expect(route.prepare, `${route.path} prepare`).toBeDefined();
      }
      if (route.caller === "anyMember") expect(route.scope, route.path).toBeNull();
    }
    for (const route of table.org)
      expect(route.path).toMatch(
        /^\/v1\/orgs\/\{slug\}\/(auth|calendar|notification-preferences)\//,
      );
  });

  it("agrees with who each route declares may call it (its `allows`)", () => {
    const declared = new Map(
      routeContracts(env().h.app.routes).map((r) => [routeKey(r.method, r.path), r.access]),
    );
    for (const route of table.authenticated) {
      const where = `${route.method} ${route.path}`;
      const access = declared.get(routeKey(route.method, route.path));
      expect(access, `${where} declares no allows`).toBeDefined();
      const fromRoute = { adminsOnly: access?.who === "admins", scope: integrationScope(access!) };
      const fromTable = { adminsOnly: route.caller === "admin", scope: route.scope };
      expect(fromRoute, where).toEqual(fromTable);
    }
    const unauthenticated = [...table.org, ...table.public, ...table.operator];
    for (const route of unauthenticated) {
      const access = declared.get(routeKey(route.method, route.path));
      expect(access, `${route.method} ${route.path} needs no allows`).toBeUndefined();
    }
  });

  it("every known failure names a check of its route", () => {
    for (const route of table.authenticated) {
      const titles = checkTitles.get(route) ?? new Set<string>();
      const unknown = Object.keys(route.knownFailures ?? {}).filter((t) => !titles.has(t));
      expect(unknown, `${route.method} ${route.path}`).toEqual([]);
    }
  });

  it("the fixtures hold what the checks assume", async () => {
    const { a, b } = env();
    for (const org of [a, b]) {
      for (const kind of Object.keys(clientGrants) as ClientKind[]) {
        expect(org.clients[kind].scopes).toEqual(clientGrants[kind]);
      }
    }
    expect(a.markers.some((m) => b.markers.includes(m))).toBe(false);
  });
}

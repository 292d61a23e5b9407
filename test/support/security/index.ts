import { afterAll, beforeAll, describe } from "vitest";
import { routeChecks } from "./checks";
import { orgRouteChecks, plainRouteChecks } from "./checks-other-routes";
import { sessionChecks } from "./checks-sessions";
import { tableChecks } from "./checks-table";
import { startEnv } from "./fixtures";
import type { RouteTable, SuiteEnv } from "./types";

export { attacks } from "./attacks";
export { expectStatus, placeholders, routeKey } from "./helpers";
export {
  type Caller,
  type ClientFixture,
  type ClientKind,
  type Clock,
  clientGrants,
  type MemberRef,
  type Method,
  type OrgFixture,
  type OrgRouteSpec,
  type Params,
  type PlainRoute,
  type Role,
  type RouteCtx,
  type RouteSpec,
  type RouteTable,
  type SuiteEnv,
  type Target,
} from "./types";

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/**
 * Registers the security checks for every route of `table`: call it once, at the top level of
 * a test file. Fixtures are shared and read-only; checks that may change state make their own
 * victims with the route's `prepare`.
 */
export function runSecuritySuite(table: RouteTable): void {
  let shared: SuiteEnv | undefined;
  const env = () => {
    if (!shared) throw new Error("the security suite's fixtures were not set up");
    return shared;
  };
  beforeAll(async () => {
    shared = await startEnv();
  }, 60_000);
  afterAll(() => shared?.h.close());

  describe("the route table", () => tableChecks(env, table));
  for (const route of table.authenticated) {
    describe(`${route.method} ${route.path}`, () => routeChecks(env, route));
  }
  describe("organization routes without a token", () => {
    for (const route of table.org) {
      describe(`${route.method} ${route.path}`, () => orgRouteChecks(env, route));
    }
  });
  describe("operator and public routes", () => plainRouteChecks(env, table));
  describe("sessions and sign-in limits", () => sessionChecks(env));
}

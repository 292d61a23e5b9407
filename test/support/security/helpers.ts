import { expect } from "vitest";
import { expectProblem } from "../problem";
import {
  type ClientKind,
  clientGrants,
  type MemberRef,
  type OrgFixture,
  type Params,
  type RouteSpec,
  type SendOptions,
  type SuiteEnv,
  type Target,
} from "./types";

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Asserts the status, showing the body when it differs (a 500's requestId, a 400's errors). */
export async function expectStatus(res: Response, status: number): Promise<void> {
  if (res.status !== status) {
    const text = await res.clone().text();
    expect({ status: res.status, body: text.slice(0, 2000) }).toMatchObject({ status });
  }
}

const placeholderPattern = /\{([^}/]+)\}/g;

export function placeholders(path: string): string[] {
  return [...path.matchAll(placeholderPattern)].map((m) => m[1]!);
}

function fill(path: string, params: Params): string {
  return path.replace(placeholderPattern, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: nothing given for {${name}}`);
    return encodeURIComponent(value);
  });
}

/**
 * `{name}` and Hono's `:name` alike, so the table and `app.routes` compare; a required query in
 * a table path (`/suggestions?memberId={memberId}`) is no part of the route.
 */
export function routeKey(method: string, path: string): string {
  return `${method} ${path.split("?")[0]!.replace(/\{[^}/]+\}|:[^/]+/g, ":param")}`;
}

export async function prepareTarget(
  env: SuiteEnv,
  route: RouteSpec,
  org: OrgFixture,
  caller: MemberRef,
): Promise<Target> {
  const ctx = { env, org, caller };
  const params = route.prepare ? await route.prepare(ctx) : {};
  const body = route.body ? await route.body({ ...ctx, params }) : undefined;
  return { ...ctx, params, body };
}

export function call(
  env: SuiteEnv,
  route: RouteSpec,
  target: Target,
  opts: Omit<SendOptions, "json"> & { json?: unknown } = {},
): Promise<Response> {
  const json = "json" in opts ? opts.json : target.body;
  return env.send(route.method, fill(route.path, target.params), {
    ...opts,
    ...(route.headers || opts.headers ? { headers: { ...route.headers, ...opts.headers } } : {}),
    ...(opts.body === undefined && json !== undefined ? { json } : {}),
  });
}

export async function snapshots(env: SuiteEnv, route: RouteSpec, target: Target) {
  return {
    route: route.snapshot ? await route.snapshot(target) : null,
    org: await env.orgSnapshot(target.org),
  };
}

/** A call the suite expects refused: the problem it gets, and nothing it could touch changed. */
export async function expectRefused(
  env: SuiteEnv,
  route: RouteSpec,
  target: Target,
  send: () => Promise<Response>,
  status: number,
  code: string,
) {
  const before = await snapshots(env, route, target);
  const problem = await expectProblem(await send(), status, code);
  expect(await snapshots(env, route, target)).toEqual(before);
  return problem;
}

/** A call the suite expects to work: the route's status, and (for writes) a visible change. */
export async function expectSucceeds(
  route: RouteSpec,
  target: Target,
  send: () => Promise<Response>,
): Promise<Response> {
  const before = route.snapshot ? await route.snapshot(target) : undefined;
  const res = await send();
  await expectStatus(res, route.success);
  if ((await res.clone().text()) !== "") {
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  }
  if (route.snapshot) expect(await route.snapshot(target)).not.toEqual(before);
  return res;
}

/** A fresh member of the role that may call the route, so its own data is untouched by others. */
export function freshCaller(env: SuiteEnv, route: RouteSpec, org: OrgFixture): Promise<MemberRef> {
  return env.addMember(org, { role: route.caller === "admin" ? "admin" : "member" });
}

export function clientAllowed(route: RouteSpec, kind: ClientKind): boolean {
  if (route.caller === "anyMember" || route.scope === null) return false;
  return (clientGrants[kind] as readonly string[]).includes(route.scope);
}

/** Reads a list route to its end with a fresh credential per page. */
export async function readAllPages(
  env: SuiteEnv,
  route: RouteSpec,
  credential: () => Promise<string>,
  params: Params,
): Promise<string> {
  const pages: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const query = route.list?.paginated
      ? `?limit=100${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`
      : "";
    const path = `${fill(route.path, params)}${query}`;
    const res = await env.send("GET", path, {
      token: await credential(),
      ...(route.headers ? { headers: route.headers } : {}),
    });
    await expectStatus(res, 200);
    const text = await res.text();
    pages.push(text);
    const next = (JSON.parse(text) as { nextCursor?: string | null }).nextCursor;
    if (typeof next !== "string") break;
    cursor = next;
  }
  return pages.join("\n");
}

export type Check = (title: string, fn: () => Promise<void>) => void;

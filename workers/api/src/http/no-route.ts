import type { Context, Hono } from "hono";
import { TrieRouter } from "hono/router/trie-router";
import type { AppEnv } from "./app-env";
import { problemResponse } from "./problem";

/** Paths the API owns: an unknown one is a problem, never the web app's page. */
export const apiPaths = ["/v1/*", "/operator/*", "/.well-known/*", "/healthz", "/openapi.json"];

const apiPrefixes = apiPaths.filter((p) => p.endsWith("/*")).map((p) => p.slice(0, -2));
const apiExactPaths = new Set(apiPaths.filter((p) => !p.endsWith("/*")));

/** True for a path under `apiPaths` (as Hono matches them: `/v1/*` takes `/v1` too). */
export function isApiPath(path: string): boolean {
  if (apiExactPaths.has(path)) return true;
  for (const prefix of apiPrefixes) {
    if (path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === "/")) {
      return true;
    }
  }
  return false;
}

type Routes = Hono<AppEnv>["routes"];

/** Which methods some route answers at a path: what a 405 lists in `Allow`. */
function allowedMethods(routes: Routes) {
  const router = new TrieRouter<true>();
  const methods = new Set<string>();
  for (const route of routes) {
    // Middleware: `use` registers ALL, the body limit registers "/*" for each method.
    if (route.method === "ALL" || route.path === "/*") continue;
    router.add(route.method, route.path, true);
    methods.add(route.method);
  }
  return (path: string) => {
    const allowed = [...methods].filter((m) => router.match(m, path)[0].length > 0);
    // Hono answers HEAD wherever it answers GET.
    if (allowed.includes("GET")) allowed.push("HEAD");
    return allowed.sort();
  };
}

/**
 * The last handler under the API's paths: 405 with `Allow` when the path exists for other
 * methods, else 404. Built on first use, once every route is registered.
 */
export function noRoute(app: Hono<AppEnv>) {
  let allowedAt: ((path: string) => string[]) | undefined;
  return function noRoute(c: Context<AppEnv>): Response {
    allowedAt ??= allowedMethods(app.routes);
    const { method, path } = c.req;
    const allowed = allowedAt(path);
    const requestId = c.get("requestId");
    if (allowed.length === 0 || allowed.includes(method)) {
      return problemResponse("not_found", 404, `No route for ${method} ${path}.`, requestId);
    }
    const res = problemResponse(
      "method_not_allowed",
      405,
      `${path} does not answer ${method}; it answers ${allowed.join(", ")}.`,
      requestId,
    );
    res.headers.set("allow", allowed.join(", "));
    return res;
  };
}

import * as v from "valibot";
import type { DeclaredAnswer } from "../../workers/api/src/http/responds";
import { routeContracts } from "../../workers/api/src/http/route-contracts";
import { problem } from "../../workers/shared/src/contracts/common/errors";

type Routes = Parameters<typeof routeContracts>[0];

interface CompiledRoute {
  method: string;
  path: string;
  pattern: RegExp;
  params: number;
  answers: DeclaredAnswer[];
}

/** `/v1/members/:id` (with or without a `{regex}`) as a pattern over whole paths. */
function compile(path: string): RegExp {
  const escaped = path
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${escaped.join("/")}/?$`);
}

/** Why an answer breaks its route's contract, or null when it keeps it. */
export type AnswerCheck = (method: string, url: string, res: Response) => Promise<string | null>;

/**
 * Holds every answer of the app to what its route declares with `responds()`: a success
 * status the route declares, a body its contract parses (none for 202 and 204), and for every
 * error the problem contract. The test harnesses run it on each answer, so every integration
 * test that calls the API is also a contract test.
 */
export function answerCheck(routes: Routes): AnswerCheck {
  const compiled: CompiledRoute[] = routeContracts(routes).map((route) => ({
    ...route,
    pattern: compile(route.path),
    params: route.path.split(":").length - 1,
  }));
  const routeOf = (method: string, pathname: string) =>
    compiled
      .filter((r) => r.method === method && r.pattern.test(pathname))
      .sort((a, b) => a.params - b.params)[0];

  return async function check(method, url, res) {
    const pathname = new URL(url, "http://tandem.test").pathname;
    const where = `${method} ${pathname} → ${res.status}`;
    const text = await res.clone().text();
    if (res.status >= 400) {
      if (!res.headers.get("content-type")?.startsWith("application/problem+json")) return null;
      return issuesOf(where, problem, text);
    }
    if (res.status < 200 || res.status >= 300) return null;
    const route = routeOf(method.toUpperCase(), pathname);
    if (!route) return `${where}: no route declares this answer`;
    const declared = route.answers.find((a) => a.status === res.status);
    if (!declared) {
      const statuses = route.answers.map((a) => a.status).join(", ") || "nothing";
      return `${where}: the route declares ${statuses}`;
    }
    if (!declared.schema) return text === "" ? null : `${where}: declared bodiless, got ${text}`;
    return issuesOf(where, declared.schema, text);
  };
}

function issuesOf(where: string, schema: v.GenericSchema, text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${where}: not JSON: ${text.slice(0, 200)}`;
  }
  const result = v.safeParse(schema, body);
  if (result.success) return null;
  const issues = result.issues.map((i) => `${v.getDotPath(i) ?? "(body)"}: ${i.message}`);
  return `${where}: the answer breaks its contract: ${issues.join("; ")}`;
}

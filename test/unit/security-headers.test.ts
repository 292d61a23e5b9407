import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../workers/api/src/http/app-env";
import { apiPaths } from "../../workers/api/src/http/no-route";
import { requestFrame } from "../../workers/api/src/middleware/request-frame";
import { setOnResponse } from "../../workers/shared/src/platform/assemble-platform";
import { silentLogger } from "../../workers/shared/src/platform/log";
import type { Platform } from "../../workers/shared/src/platform/platform";

/** The header rules of a Cloudflare `_headers` file: path pattern → header name → value. */
function headerRules(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(":");
    if (current) current[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

async function middlewareHeaders(): Promise<Record<string, string>> {
  const app = new Hono<AppEnv>();
  const platform = { setAnswerHeaders: setOnResponse, log: silentLogger } as Partial<Platform>;
  app.use(requestFrame(platform as Platform));
  app.get("/", (c) => c.body(null, 204));
  const res = await app.request("/");
  const perRequest = ["content-type", "x-request-id"];
  return Object.fromEntries([...res.headers].filter(([name]) => !perRequest.includes(name)));
}

describe("the edge's static headers", () => {
  const rules = headerRules(readFileSync("web/public/_headers", "utf8"));

  it("send every page exactly the headers the app sends", async () => {
    expect(rules.get("/*")).toEqual(await middlewareHeaders());
  });

  it("forbid framing and inline script in the page's policy", () => {
    const csp = rules.get("/*")?.["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toContain("unsafe-inline");
  });

  it("cache Vite's hashed assets as immutable", () => {
    expect(rules.get("/assets/*")?.["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});

describe("wrangler.toml", () => {
  it("runs the Worker first for exactly the paths the API owns", () => {
    const toml = readFileSync("wrangler.toml", "utf8");
    const line = /^run_worker_first\s*=\s*(\[.*\])$/m.exec(toml)?.[1];
    expect((JSON.parse(line ?? "[]") as string[]).sort()).toEqual([...apiPaths].sort());
  });
});

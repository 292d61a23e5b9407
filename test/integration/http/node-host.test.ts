import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningHost, startHost } from "../../../host/server";
import {
  apiSecurityHeaders,
  pageSecurityHeaders,
} from "../../../workers/api/src/http/security-headers";
import { silentLogger } from "../../../workers/shared/src/platform/log";
import { signAccessToken } from "../../../workers/shared/src/security/access-tokens";
import { createTenant, findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { ensureMember } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

// The Node host over real HTTP, with a small web client of its own in place of web/dist.
let host: RunningHost;
let token: string;
let dir: string;
const script = `export const greeting = ${JSON.stringify("hello ".repeat(2_000))};\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-host-"));
  const webDir = join(dir, "web");
  mkdirSync(join(webDir, "assets"), { recursive: true });
  writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Tandem</title>");
  writeFileSync(join(webDir, "assets", "index-Bx7f3k2Q.js"), script);
  host = await startHost({
    port: 0,
    dataDir: join(dir, "data"),
    scheduler: false,
    log: silentLogger,
    webDir,
  });
  const { platform } = host;
  await createTenant(
    { ...platform, actor: "test" },
    { slug: "hosted", name: "Hosted", kind: "company" },
  );
  const tenant = await findTenantBySlug(platform.control, "hosted");
  await ensureMember(await platform.connections.db(tenant), "admin-1", "admin", platform.now());
  token = await signAccessToken(
    platform.signingKeys,
    platform.tokenAudience,
    { memberId: "admin-1", tenantId: tenant.id, role: "admin" },
    platform.now(),
  );
});
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (path: string, init: RequestInit = {}) => fetch(`${host.url}${path}`, init);
const auth = (method = "GET") => ({ method, headers: { authorization: `Bearer ${token}` } });

describe("unknown paths of the API are problems, never the web app", () => {
  it.each([
    ["GET", "/v1/nonexistent"],
    ["POST", "/v1/matches"],
    ["GET", "/v1/programs/nope/whatever"],
    ["GET", "/.well-known/nothing-here"],
  ])("%s %s with a valid token → 404 problem+json", async (method, path) => {
    const problem = await expectProblem(await call(path, auth(method)), 404, "not_found");
    expect(problem.detail).toContain(path);
  });

  it("an unknown operator path → 404 problem+json", async () => {
    const res = await call("/operator/v1/nothing", {
      headers: { authorization: `Bearer ${host.platform.operatorToken}` },
    });
    await expectProblem(res, 404, "not_found");
  });

  it("DELETE /v1/programs/nope → 405 naming the methods that path answers", async () => {
    const res = await call("/v1/programs/nope", auth("DELETE"));
    await expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, HEAD, PATCH");
  });

  it("POST /healthz → 405 with Allow: GET, HEAD", async () => {
    const res = await call("/healthz", { method: "POST" });
    await expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });

  it("any other path still gets the web app, for the client's own routes", async () => {
    const res = await call("/o/hosted/programs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("oversized headers", () => {
  it("a 64 KiB header → 431 with a problem body", async () => {
    const { status, headers, body } = await new Promise<{
      status: number;
      headers: Record<string, unknown>;
      body: string;
    }>((resolve, reject) => {
      const req = httpRequest(`${host.url}/healthz`, {
        headers: { "x-filler": "a".repeat(65_536) },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(431);
    expect(headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(body)).toMatchObject({ status: 431, code: "headers_too_large" });
  });
});

describe("security headers, caching and compression", () => {
  /** The answer's headers among those either set names. */
  const securityHeadersOf = (res: Response) => {
    const names = new Set([
      ...Object.keys(pageSecurityHeaders),
      ...Object.keys(apiSecurityHeaders),
    ]);
    return Object.fromEntries([...res.headers].filter(([name]) => names.has(name)));
  };

  it.each([
    ["the page", "/"],
    ["a client route", "/o/hosted/programs"],
    ["a hashed asset", "/assets/index-Bx7f3k2Q.js"],
  ])("%s carries the page's security headers", async (_what, path) => {
    const headers = securityHeadersOf(await call(path));
    expect(headers).toEqual(pageSecurityHeaders);
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it.each([
    ["an API answer", "/healthz"],
    ["an API problem", "/v1/members"],
    ["an unknown API path", "/v1/nonexistent"],
    ["the OpenAPI document", "/openapi.json"],
  ])(
    "%s carries the API's security headers: nothing may load, frame or sniff it",
    async (_what, path) => {
      const headers = securityHeadersOf(await call(path));
      expect(headers).toEqual(apiSecurityHeaders);
      expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers).toMatchObject({
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
      });
    },
  );

  it("every answer names its request, the caller's id when it sent one", async () => {
    const echoed = await call("/v1/members", { headers: { "x-request-id": "socket-req-7" } });
    expect(echoed.headers.get("x-request-id")).toBe("socket-req-7");
    expect(((await echoed.json()) as { requestId: string }).requestId).toBe("socket-req-7");
    for (const path of ["/healthz", "/assets/index-Bx7f3k2Q.js"]) {
      expect((await call(path)).headers.get("x-request-id"), path).toMatch(/^[\w-]{36}$/);
    }
  });

  it("hashed assets are cached for a year as immutable; the page is revalidated", async () => {
    const asset = await call("/assets/index-Bx7f3k2Q.js");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const path of ["/", "/index.html", "/o/hosted/programs"]) {
      expect((await call(path)).headers.get("cache-control"), path).toBe("no-cache");
    }
  });

  it("text answers are compressed for clients that accept it, and decode to the same bytes", async () => {
    const asset = await call("/assets/index-Bx7f3k2Q.js", {
      headers: { "accept-encoding": "gzip" },
    });
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect(await asset.text()).toBe(script);
    const api = await call("/openapi.json", { headers: { "accept-encoding": "gzip" } });
    expect(api.headers.get("content-encoding")).toBe("gzip");
    expect(((await api.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });
});

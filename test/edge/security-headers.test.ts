import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Edge, startEdge } from "../support/edge-harness";
import { expectProblem } from "../support/problem";

// The API Worker in workerd with the built web client in front of it, as Cloudflare runs them.
let edge: Edge;
let token: string;
beforeAll(async () => {
  edge = await startEdge({ assets: true });
  await edge.createTenant("headers");
  token = await edge.tokenFor("headers");
});
afterAll(() => edge?.close());

const get = async (path: string) =>
  (await edge.mf.dispatchFetch(`http://localhost${path}`)) as unknown as Response;

function expectSecurityHeaders(res: Response, policy: RegExp) {
  expect(res.headers.get("content-security-policy")).toMatch(policy);
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
}

/** The page may run its own scripts; an API answer may load nothing at all. */
const pagePolicy = /script-src 'self'/;
const apiPolicy = /^default-src 'none'; /;

describe("security headers on the edge", () => {
  it.each(["/", "/o/headers/programs"])(
    "the page at %s carries them (from _headers)",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expectSecurityHeaders(res, pagePolicy);
    },
  );

  it("an API answer carries them (from the Worker)", async () => {
    const res = await edge.api("/v1/members", { token });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, apiPolicy);
  });

  it("an API problem carries them too", async () => {
    const res = await edge.api("/v1/members");
    await expectProblem(res, 401, "unauthorized");
    expectSecurityHeaders(res, apiPolicy);
  });
});

describe("unknown API paths on the edge", () => {
  it("GET /v1/nonexistent with a valid token is a 404 problem, not the page", async () => {
    await expectProblem(await edge.api("/v1/nonexistent", { token }), 404, "not_found");
  });

  it("DELETE /v1/programs/nope is a 405 with Allow", async () => {
    const res = await edge.api("/v1/programs/nope", { token, method: "DELETE" });
    await expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, HEAD, PATCH");
  });
});

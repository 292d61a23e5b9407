import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { maxBodyBytes } from "../../../workers/api/src/app";
import type { Problem } from "../../../workers/shared/src/contracts/common/errors";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const problemType = "application/problem+json";

function operatorPost(path: string, body: string, headers: Record<string, string> = {}) {
  return h.request(path, {
    method: "POST",
    token: h.platform.operatorToken,
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

describe("health and keys", () => {
  it("GET /healthz answers 200 JSON with status ok", async () => {
    const res = await h.request("/healthz");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { status: string; time: string };
    expect(body.status).toBe("ok");
    expect(Number.isNaN(Date.parse(body.time))).toBe(false);
  });

  it("publishes the public signing key(s) without the private part", async () => {
    const res = await h.request("/.well-known/jwks.json");
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(keys[0]!.kid).toBe(h.platform.signingKeys.kid);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
      expect(typeof key.kid).toBe("string");
      expect(typeof key.x).toBe("string");
      expect(key).not.toHaveProperty("d");
    }
    expect(JSON.stringify(keys)).not.toContain('"d"');
  });
});

describe("request ids", () => {
  it("an unknown route is a 404 problem whose requestId matches x-request-id", async () => {
    const res = await h.request("/no/such/route");
    const body = await expectProblem(res, 404, "not_found");
    expect(body.requestId).toBeTruthy();
    expect(body.detail).toContain("/no/such/route");
  });

  it("echoes a caller-supplied x-request-id in the header and the problem body", async () => {
    const res = await h.request("/nowhere", { headers: { "x-request-id": "caller-req-42" } });
    expect(res.headers.get("x-request-id")).toBe("caller-req-42");
    const body = await expectProblem(res, 404, "not_found");
    expect(body.requestId).toBe("caller-req-42");
  });

  it("echoes a caller-supplied x-request-id on a successful response too", async () => {
    const res = await h.request("/healthz", { headers: { "x-request-id": "ok-req-1" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("ok-req-1");
  });

  it("gives each request its own id when none is supplied", async () => {
    const [a, b] = await Promise.all([h.request("/healthz"), h.request("/healthz")]);
    expect(a.headers.get("x-request-id")).toBeTruthy();
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });
});

describe("request bodies", () => {
  const oversized = () =>
    JSON.stringify({ slug: "too-big", name: "x".repeat(maxBodyBytes), kind: "company" });

  it("a body over 1 MiB is refused with 413 and creates no tenant", async () => {
    const res = await operatorPost("/operator/v1/tenants", oversized());
    await expectProblem(res, 413, "payload_too_large");
    expect(await h.platform.control.select().from(tenants)).toEqual([]);
  });

  it("a declared content-length over 1 MiB is refused with 413 and creates no tenant", async () => {
    const body = oversized();
    const res = await operatorPost("/operator/v1/tenants", body, {
      "content-length": String(new TextEncoder().encode(body).length),
    });
    await expectProblem(res, 413, "payload_too_large");
    expect(await h.platform.control.select().from(tenants)).toEqual([]);
  });

  it("malformed JSON is a 400 validation problem", async () => {
    const res = await operatorPost("/operator/v1/tenants", '{"slug": "abc",');
    const body = await expectProblem(res, 400, "validation");
    expect(body.detail).toMatch(/JSON/);
    expect(await h.platform.control.select().from(tenants)).toEqual([]);
  });
});

describe("error content type", () => {
  it("every error response is application/problem+json", async () => {
    const responses = await Promise.all([
      h.request("/missing"),
      h.request("/v1/members"),
      h.request("/v1/members", { token: "garbage" }),
      h.request("/operator/v1/tenants"),
      h.request("/operator/v1/tenants", { token: "wrong" }),
      operatorPost("/operator/v1/tenants", "not json"),
      operatorPost("/operator/v1/tenants", JSON.stringify({ slug: "A" })),
      h.request("/operator/v1/tenants/nobody-here/suspend", {
        method: "POST",
        token: h.platform.operatorToken,
      }),
    ]);
    for (const res of responses) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("content-type")).toBe(problemType);
      const body = (await res.json()) as Problem;
      expect(body.status).toBe(res.status);
      expect(body.requestId).toBe(res.headers.get("x-request-id"));
    }
    expect(responses.map((r) => r.status)).toEqual([404, 401, 401, 401, 401, 400, 400, 404]);
  });
});

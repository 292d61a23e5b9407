import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/node-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("alpha");
});
afterAll(() => h.close());

it("lists the tenant's members with a valid token", async () => {
  const res = await h.request("/v1/members", { token: await h.tokenFor("alpha") });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ items: [], nextCursor: null });
});

it("answers problem+json without a token", async () => {
  const res = await h.request("/v1/members");
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json();
  expect(body.code).toBe("unauthorized");
  expect(body.requestId).toBeTruthy();
});

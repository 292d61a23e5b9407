import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members } from "../../db/tenant/schema";
import { connectNode } from "../../host/platform";
import { tenantDb } from "../../workers/shared/src/platform/db";
import { hashPassword } from "../../workers/shared/src/security/passwords";
import { type Edge, startEdge } from "../support/edge-harness";

/** The pepper startEdge gives the API Worker; hashes made here must verify in workerd. */
const edgePepper = "edge-pepper-0123456789abcdef0123456789";
const password = "violet tandem river 42";

let edge: Edge;

beforeAll(async () => {
  edge = await startEdge();
  await edge.createTenant("edgeorg");
  const client = connectNode(edge.gateway.databaseUrl("edgeorg"), edge.gateway.token);
  const now = new Date();
  await tenantDb(client)
    .insert(members)
    .values({
      id: "ada",
      email: "ada@edge.example",
      displayName: "Ada",
      status: "active",
      passwordHash: await hashPassword(password, edgePepper),
      createdAt: now,
      updatedAt: now,
    });
  client.close();
});

afterAll(() => edge?.close());

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return edge.mf.dispatchFetch(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  }) as unknown as Promise<Response>;
}

/** The cookie pair a browser would send back, taken from Set-Cookie. */
function refreshCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("tandem_refresh="));
  expect(cookie).toBeDefined();
  return cookie!.split(";")[0]!;
}

describe("signing in on the API Worker", () => {
  it("login gives a token that works on /v1/me; refresh rotates the cookie", async () => {
    const login = await post(
      "/v1/orgs/edgeorg/auth/login",
      JSON.stringify({ email: "ADA@edge.example", password }),
    );
    expect(login.status).toBe(200);
    const session = (await login.json()) as { accessToken: string; expiresIn: number };
    expect(session.expiresIn).toBe(900);
    const cookie = refreshCookie(login);

    const me = await edge.api("/v1/me", { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      id: "ada",
      email: "ada@edge.example",
      organization: { slug: "edgeorg" },
    });

    const refreshed = await post("/v1/orgs/edgeorg/auth/refresh", "{}", { cookie });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { accessToken: string };
    expect((await edge.api("/v1/me", { token: next.accessToken })).status).toBe(200);
    const rotated = refreshCookie(refreshed);
    expect(rotated).not.toBe(cookie);

    // The spent cookie is refused, and presenting it ends the rotated one too.
    expect((await post("/v1/orgs/edgeorg/auth/refresh", "{}", { cookie })).status).toBe(401);
    const after = await post("/v1/orgs/edgeorg/auth/refresh", "{}", { cookie: rotated });
    expect(after.status).toBe(401);
  });

  it("a wrong password gets 401", async () => {
    const res = await post(
      "/v1/orgs/edgeorg/auth/login",
      JSON.stringify({ email: "ada@edge.example", password: "not the password" }),
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "unauthorized" });
  });
});

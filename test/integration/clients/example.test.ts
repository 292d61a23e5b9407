import { afterAll, beforeAll, expect, it } from "vitest";
import { listMembers, newClientKey } from "../../../docs/examples/integration-client";
import type { ClientView } from "../../../workers/shared/src/contracts/clients";
import { type Harness, startHarness } from "../../support/node-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("example");
});
afterAll(() => h.close());

it("the README's example client registers its key and lists members", async () => {
  const { privateJwk, publicJwk } = await newClientKey();
  expect(publicJwk).not.toHaveProperty("d");
  const res = await h.request("/v1/clients", {
    method: "POST",
    token: await h.tokenFor("example", { memberId: "example-admin" }),
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Example", scopes: ["members:read"], jwk: publicJwk }),
  });
  const client = (await res.json()) as ClientView;
  expect(client.keys[0]?.kid).toBe(publicJwk.kid);

  const apiUrl = h.platform.publicUrl;
  const fetchApp: typeof fetch = async (input, init) => h.app.request(String(input), init);
  const first = await listMembers({ apiUrl, clientId: client.id, privateJwk, fetch: fetchApp });
  expect(first).toMatchObject({ status: 200, body: { items: [{ id: "example-admin" }] } });
  // Each call signs a fresh assertion, so calling again is not a replay.
  const second = await listMembers({ apiUrl, clientId: client.id, privateJwk, fetch: fetchApp });
  expect(second.status).toBe(200);
});

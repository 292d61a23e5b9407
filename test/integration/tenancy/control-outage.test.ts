import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../workers/api/src/app";
import { controlDb } from "../../../workers/shared/src/platform/db";
import { TenantDirectory } from "../../../workers/shared/src/tenancy/tenant-directory";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
let token: string;

beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("acme");
  token = await h.tokenFor("acme");
});
afterAll(() => h.close());

/** The same platform, but its control database is a server nobody answers at (port 9). */
function appWithControlDown() {
  const control = controlDb(createClient({ url: "http://127.0.0.1:9" }));
  return createApp({ ...h.platform, control, tenants: new TenantDirectory(control) });
}

describe("when the control database cannot be reached", () => {
  it("an organization named by slug is a logged 503, not 'No such organization'", async () => {
    const logsBefore = h.rawLogs.length;
    const res = await appWithControlDown().request("/v1/orgs/acme/auth/organization");
    const body = await expectProblem(res, 503, "service_unavailable");
    expect(res.headers.get("retry-after")).toBe("5");
    expect(body.detail).not.toContain("127.0.0.1");
    const lines = h.rawLogs.slice(logsBefore);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.find((l) => l.msg === "control database unavailable")).toMatchObject({
      level: "error",
      requestId: body.requestId,
    });
    expect(lines.join("\n")).not.toContain("127.0.0.1:9");
  });

  it("a signed-in request is a 503 too, and the same requests work once it is back", async () => {
    const down = await appWithControlDown().request("/v1/me", {
      headers: { authorization: `Bearer ${token}` },
    });
    await expectProblem(down, 503, "service_unavailable");

    expect((await h.request("/v1/orgs/acme/auth/organization")).status).toBe(200);
    expect((await h.request("/v1/me", { token })).status).toBe(200);
    await expectProblem(await h.request("/v1/orgs/nobody/auth/organization"), 404, "not_found");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../db/tenant/schema";
import { type AuthHarness, startAuthHarness, strongPassword } from "../../support/auth-fixtures";
import { expectProblem } from "../../support/problem";

const minute = 60 * 1000;

describe("per-account limit", () => {
  let h: AuthHarness;
  beforeAll(async () => {
    h = await startAuthHarness();
    await h.createTenant("acme");
  });
  afterAll(() => h.close());

  const login = (email: string, password: string) =>
    h.post("/v1/orgs/acme/auth/login", { email, password });

  it("after 5 failures even the right password gets 429 until the window ends", async () => {
    await h.addMember("acme", { email: "ada@acme.example" });
    for (let i = 0; i < 5; i++) {
      await expectProblem(await login("ada@acme.example", "wrong password"), 401, "unauthorized");
    }
    h.clock.advance(5 * minute);
    const limited = await login("ADA@acme.example", strongPassword);
    await expectProblem(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toBe(String(10 * 60));
    h.clock.advance(10 * minute);
    expect((await login("ada@acme.example", strongPassword)).status).toBe(200);
  });

  it("a successful sign-in resets the account's count", async () => {
    await h.addMember("acme", { email: "grace@acme.example" });
    for (let i = 0; i < 4; i++) await login("grace@acme.example", "wrong password");
    expect((await login("grace@acme.example", strongPassword)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      await expectProblem(await login("grace@acme.example", "wrong password"), 401, "unauthorized");
    }
    await expectProblem(await login("grace@acme.example", strongPassword), 429, "rate_limited");
  });

  it("counts unknown emails too, so a 429 says nothing about whether they exist", async () => {
    for (let i = 0; i < 5; i++) await login("ghost@acme.example", "wrong password");
    await expectProblem(await login("ghost@acme.example", "wrong password"), 429, "rate_limited");
  });

  it("a burst of parallel guesses gets no more than 5 password checks", async () => {
    await h.addMember("acme", { email: "burst@acme.example" });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login("burst@acme.example", `guess number ${i}`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it("one account's limit leaves the others alone", async () => {
    await h.addMember("acme", { email: "linus@acme.example" });
    for (let i = 0; i < 6; i++) await login("margaret@acme.example", "wrong password");
    expect((await login("linus@acme.example", strongPassword)).status).toBe(200);
  });

  it("without TRUST_PROXY, X-Forwarded-For picks no address bucket", async () => {
    await h.addMember("acme", { email: "hopper@acme.example" });
    for (let i = 0; i < 25; i++) {
      await h.post(
        "/v1/orgs/acme/auth/login",
        { email: `spray-${i}@acme.example`, password: "wrong password" },
        { "x-forwarded-for": "203.0.113.9" },
      );
    }
    const res = await h.post(
      "/v1/orgs/acme/auth/login",
      { email: "hopper@acme.example", password: strongPassword },
      { "x-forwarded-for": "203.0.113.9" },
    );
    expect(res.status).toBe(200);
  });
});

describe("per-address limit (TRUST_PROXY=true)", () => {
  let h: AuthHarness;
  beforeAll(async () => {
    h = await startAuthHarness({ env: { TRUST_PROXY: "true" } });
    await h.createTenant("acme");
    await h.addMember("acme", { email: "ada@acme.example" });
  });
  afterAll(() => h.close());

  const loginFrom = (ip: string, email: string, password: string) =>
    h.post(
      "/v1/orgs/acme/auth/login",
      { email, password },
      { "x-forwarded-for": `${ip}, 10.0.0.1` },
    );

  it("20 failures from one address block that address only, until the window ends", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await loginFrom("203.0.113.7", `guess-${i}@acme.example`, "wrong password");
      await expectProblem(res, 401, "unauthorized");
    }
    const blocked = await loginFrom("203.0.113.7", "ada@acme.example", strongPassword);
    await expectProblem(blocked, 429, "rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBe(15 * 60);
    expect((await loginFrom("198.51.100.4", "ada@acme.example", strongPassword)).status).toBe(200);
    // A success elsewhere does not lift the address's block; the window's end does.
    await expectProblem(
      await loginFrom("203.0.113.7", "ada@acme.example", strongPassword),
      429,
      "rate_limited",
    );
    h.clock.advance(15 * minute);
    expect((await loginFrom("203.0.113.7", "ada@acme.example", strongPassword)).status).toBe(200);
  });

  it("records the address in the audit log", async () => {
    const res = await loginFrom("192.0.2.55", "ada@acme.example", strongPassword);
    expect(res.status).toBe(200);
    const rows = await (await h.db("acme")).select().from(auditLog);
    expect(rows.some((r) => r.action === "auth.sign_in" && r.ip === "192.0.2.55")).toBe(true);
  });
});

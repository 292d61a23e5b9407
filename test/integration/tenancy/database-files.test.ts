import { existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const createProgram = (token: string, name: string) =>
  h.request("/v1/programs", {
    method: "POST",
    token,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });

describe("a tenant file moved away while the host has it open", () => {
  it("answers 503 tenant_unavailable for that tenant, is not recreated empty, and serves again once back", async () => {
    await h.createTenant("wandering");
    await h.createTenant("staying");
    const token = await h.tokenFor("wandering");
    const other = await h.tokenFor("staying");
    expect((await createProgram(token, "Before the move")).status).toBe(201);
    const file = join(h.dataDir, "tenants", "wandering.db");

    renameSync(file, `${file}.moved`);
    const write = await createProgram(token, "While away");
    await expectProblem(write, 503, "tenant_unavailable");
    expect(write.headers.get("retry-after")).toBe("5");
    const read = await h.request("/v1/programs", { token });
    await expectProblem(read, 503, "tenant_unavailable");
    expect(existsSync(file)).toBe(false);
    expect((await createProgram(other, "Elsewhere")).status).toBe(201);
    const reasons = h.logs.filter((l) => l.msg === "tenant database unavailable");
    expect(reasons.map((l) => l.reason)).toContain("SQLITE_READONLY_DBMOVED");

    renameSync(`${file}.moved`, file);
    const back = await h.request("/v1/programs", { token });
    expect(back.status).toBe(200);
    const names = ((await back.json()) as { items: { name: string }[] }).items.map((p) => p.name);
    expect(names).toEqual(["Before the move"]);
  });
});

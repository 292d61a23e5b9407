import { LibSQLPreparedQuery } from "drizzle-orm/libsql";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness } from "../../support/node-harness";

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("hot");
  token = await h.tokenFor("hot", { memberId: "hot-admin", role: "admin" });
  for (let i = 0; i < 4; i++) await h.tokenFor("hot", { memberId: `hot-m${i}`, role: "member" });
});
afterAll(() => h.close());
afterEach(() => vi.restoreAllMocks());

const pages = ["/v1/members?limit=2", "/v1/members?limit=2&status=active"];

async function ids(path: string): Promise<{ ids: string[]; next: string | null }> {
  const res = await h.request(path, { token });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
  return { ids: body.items.map((m) => m.id), next: body.nextCursor };
}

describe("the authenticated member list, request after request", () => {
  it("builds no SQL once each statement it needs was built for this database", async () => {
    const first = await ids(pages[0]!);
    const withCursor = `${pages[0]}&cursor=${first.next}`;
    for (const path of [...pages, withCursor, `${pages[1]}&cursor=${first.next}`]) await ids(path);
    const built = vi.spyOn(SQLiteAsyncDialect.prototype, "sqlToQuery");
    const again = await ids(withCursor);
    for (const path of pages) await ids(path);
    expect(built).not.toHaveBeenCalled();
    // Reused statements still answer with each request's own values.
    expect(again.ids).toEqual(["hot-m1", "hot-m2"]);
    expect((await ids(`${pages[0]}&cursor=${again.next}`)).ids).toEqual(["hot-m3"]);
  });

  it("hands the list's text columns over as libSQL returns them, without re-mapping each row", async () => {
    await ids(pages[0]!);
    const mapped = vi.spyOn(LibSQLPreparedQuery.prototype, "mapAllResult");
    const page = await ids(pages[1]!);
    expect(page.ids).toEqual(["hot-admin", "hot-m0"]);
    expect(mapped).not.toHaveBeenCalled();
  });
});

describe("/healthz", () => {
  it("answers without looking up the caller's address, which only rate limits and audit need", async () => {
    const clientIp = vi.spyOn(h.platform, "clientIp");
    const res = await h.request("/healthz");
    expect(res.status).toBe(200);
    expect(clientIp).not.toHaveBeenCalled();
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

const folders: string[] = [];
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-data-"));
  folders.push(dir);
  return dir;
}

async function host(dataDir: string): Promise<Harness> {
  const h = await startHarness({ dataDir });
  open.push(h);
  return h;
}

async function stop(h: Harness): Promise<void> {
  open.splice(open.indexOf(h), 1);
  await h.close();
}

async function createProgram(h: Harness, token: string, name: string): Promise<Response> {
  return h.request("/v1/programs", {
    method: "POST",
    token,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
}

async function programNames(h: Harness, slug: string): Promise<string[]> {
  const res = await h.request("/v1/programs", { token: await h.tokenFor(slug) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { name: string }[] }).items.map((p) => p.name);
}

describe("the data folder", () => {
  it("moved elsewhere, serves its tenants from the new place", async () => {
    const before = folder();
    const first = await host(before);
    await first.createTenant("north");
    expect((await createProgram(first, await first.tokenFor("north"), "Peer pairs")).status).toBe(
      201,
    );
    await stop(first);

    const after = folder();
    cpSync(before, after, { recursive: true });
    rmSync(before, { recursive: true, force: true });
    const moved = await host(after);

    expect(await programNames(moved, "north")).toEqual(["Peer pairs"]);
    const row = await findTenantBySlug(moved.platform.control, "north");
    expect(row.dbUrl).toBe("file:tenants/north.db");
  });

  it("copied, writes to its own files and leaves the original's alone", async () => {
    const original = folder();
    const first = await host(original);
    await first.createTenant("south");
    await first.tokenFor("south");
    await stop(first);
    const copy = folder();
    cpSync(original, copy, { recursive: true });
    const untouched = readFileSync(join(original, "tenants", "south.db"));

    const copied = await host(copy);
    expect((await createProgram(copied, await copied.tokenFor("south"), "Copy only")).status).toBe(
      201,
    );
    await stop(copied);

    expect(readFileSync(join(original, "tenants", "south.db")).equals(untouched)).toBe(true);
    const again = await host(original);
    expect(await programNames(again, "south")).toEqual([]);
  });

  it("from an older version (absolute paths), is made relative on start, moved or not", async () => {
    const old = folder();
    const first = await host(old);
    await first.createTenant("east");
    await first.tokenFor("east");
    const absolute = `file:${join(old, "tenants", "east.db")}`;
    await first.platform.control
      .update(tenants)
      .set({ dbUrl: absolute })
      .where(eq(tenants.slug, "east"));
    await stop(first);
    const restored = folder();
    cpSync(old, restored, { recursive: true });

    const inPlace = await host(old);
    expect((await findTenantBySlug(inPlace.platform.control, "east")).dbUrl).toBe(
      "file:tenants/east.db",
    );
    await stop(inPlace);
    const elsewhere = await host(restored);
    expect((await findTenantBySlug(elsewhere.platform.control, "east")).dbUrl).toBe(
      "file:tenants/east.db",
    );
    expect(
      (await createProgram(elsewhere, await elsewhere.tokenFor("east"), "Restored")).status,
    ).toBe(201);
    expect(elsewhere.logs.map((l) => l.msg)).toContain(
      "tenant database paths made relative to DATA_DIR",
    );
  });
});

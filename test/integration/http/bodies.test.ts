import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members, programRuleVersions, programs } from "../../../db/tenant/schema";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { programsOrg, sendJson } from "../../support/programs-fixtures";

let h: Harness;
let org: Awaited<ReturnType<typeof programsOrg>>;
let programId: string;
beforeAll(async () => {
  h = await startHarness();
  org = await programsOrg(h, "bodies");
  const res = await sendJson(h, "POST", "/v1/programs", org.admin, {
    name: "Peer mentoring",
    relationshipLengthDays: 180,
  });
  expect(res.status).toBe(201);
  programId = ((await res.json()) as { id: string }).id;
});
afterAll(() => h.close());

/** `{"a":{"a":…}}` nested `depth` levels, as raw JSON text. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const send = (method: string, path: string, body: BodyInit, contentType?: string) =>
  h.request(path, {
    method,
    token: org.admin,
    body,
    ...(contentType ? { headers: { "content-type": contentType } } : {}),
  });

const programCount = async () => (await org.db.select().from(programs)).length;
const ruleVersions = async () =>
  (
    await org.db
      .select()
      .from(programRuleVersions)
      .where(eq(programRuleVersions.programId, programId))
  ).length;

describe("deeply nested JSON", () => {
  it.each([
    ["POST", "/v1/programs", (rules: string) => `{"name":"Deep","rules":${rules}}`],
    ["PUT", "/v1/programs/{id}/rules", (rules: string) => `{"rules":${rules}}`],
    ["POST", "/v1/programs/{id}/rules/preview", (rules: string) => `{"rules":${rules}}`],
  ])(
    "%s %s with rules 5,000 levels deep is a 400, and nothing is written",
    async (method, path, body) => {
      const [programsBefore, versionsBefore] = [await programCount(), await ruleVersions()];
      const res = await send(
        method,
        path.replace("{id}", programId),
        body(nested(5_000)),
        "application/json",
      );
      const problem = await expectProblem(res, 400, "validation");
      expect(problem.detail).toMatch(/deeper than 32 levels/);
      expect([await programCount(), await ruleVersions()]).toEqual([
        programsBefore,
        versionsBefore,
      ]);
    },
  );

  it("a body at the limit is read as usual: its fields are checked, not its depth", async () => {
    const res = await send("PATCH", "/v1/me", `{"displayName":${nested(31)}}`, "application/json");
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toEqual(["displayName"]);
  });

  it("brackets inside strings do not count as nesting", async () => {
    const res = await send(
      "PATCH",
      "/v1/me",
      JSON.stringify({ displayName: "[{".repeat(40) }),
      "application/json",
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { displayName: string }).displayName).toBe("[{".repeat(40));
  });
});

describe("bodies that are not JSON", () => {
  const displayName = async () =>
    (await org.db.select().from(members).where(eq(members.id, "coord")))[0]!.displayName;

  const form = new FormData();
  form.set("displayName", "Changed by a form");
  it.each([
    ["text/plain", JSON.stringify({ displayName: "Changed as text" }), "text/plain"],
    ["a urlencoded form", "displayName=Changed+by+a+form", "application/x-www-form-urlencoded"],
    ["multipart", form, undefined],
    ["no content type", new Blob([JSON.stringify({ displayName: "No type" })]), undefined],
  ])("PATCH /v1/me sent as %s is a 415 and changes nothing", async (_what, body, type) => {
    const before = await displayName();
    const res = await send("PATCH", "/v1/me", body, type);
    await expectProblem(res, 415, "unsupported_media_type");
    expect(await displayName()).toBe(before);
  });

  it("POST /v1/programs sent as text/plain is a 415, not a complaint about a missing name", async () => {
    const before = await programCount();
    const res = await send("POST", "/v1/programs", JSON.stringify({ name: "Plain" }), "text/plain");
    const problem = await expectProblem(res, 415, "unsupported_media_type");
    expect(problem.detail).toContain("application/json");
    expect(await programCount()).toBe(before);
  });

  it("application/json with a charset is JSON", async () => {
    const res = await send(
      "PATCH",
      "/v1/me",
      JSON.stringify({ displayName: "Ada Lovelace" }),
      "Application/JSON; charset=utf-8",
    );
    expect(res.status).toBe(200);
  });
});

describe("text that cannot be stored as written", () => {
  it("a name with a lone surrogate is a 400 naming the field, and nothing is stored", async () => {
    const before = await programCount();
    const res = await send(
      "POST",
      "/v1/programs",
      '{"name":"Mentoring \\udc00 circle"}',
      "application/json",
    );
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toEqual(["name"]);
    expect(await programCount()).toBe(before);
  });

  it("a name with a character outside the BMP is stored and read back exactly", async () => {
    const name = "Mentoring 🌱 circle";
    const created = await sendJson(h, "POST", "/v1/programs", org.admin, { name });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string; name: string };
    const read = await h.request(`/v1/programs/${id}`, { token: org.admin });
    expect(((await read.json()) as { name: string }).name).toBe(name);
  });
});

import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { members } from "../../../db/tenant/schema";
import { clientScopes } from "../../../workers/shared/src/contracts/scopes";
import { expectProblem } from "../problem";
import { wrongTypes } from "./attacks";
import {
  type Check,
  call,
  expectRefused,
  expectSucceeds,
  freshCaller,
  prepareTarget,
  snapshots,
} from "./helpers";
import type { RouteSpec, SuiteEnv } from "./types";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function badInputChecks(env: () => SuiteEnv, route: RouteSpec, check: Check) {
  const asCaller = async () => {
    const e = env();
    const caller = await freshCaller(e, route, e.a);
    const target = await prepareTarget(e, route, e.a, caller);
    return { e, target, token: await e.memberToken(e.a, caller) };
  };
  const jsonHeaders = { "content-type": "application/json" };

  check("malformed JSON → 400, nothing changed", async () => {
    const { e, target, token } = await asCaller();
    const send = () => call(e, route, target, { token, body: '{"oops": ', headers: jsonHeaders });
    await expectRefused(e, route, target, send, 400, "validation");
  });

  check("every field of the wrong type → 400 naming the fields", async () => {
    const { e, target, token } = await asCaller();
    expect(isRecord(target.body), "the table's body is a JSON object").toBe(true);
    const body = target.body as Record<string, unknown>;
    const send = () => call(e, route, target, { token, json: wrongTypes(body) });
    const problem = await expectRefused(e, route, target, send, 400, "validation");
    expect(problem.errors.length).toBeGreaterThan(0);
    for (const error of problem.errors) {
      expect(error).toEqual({ field: expect.any(String), message: expect.any(String) });
    }
    const fields = problem.errors.map((err) => err.field.split(".")[0]);
    expect(
      fields.some((f) => f !== undefined && f in body),
      fields.join(),
    ).toBe(true);
  });

  check(
    "the body as text/plain, a form or with no content type → 415, nothing changed",
    async () => {
      const { e, target, token } = await asCaller();
      const raw = JSON.stringify(target.body);
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
      ]) {
        const send = () =>
          call(e, route, target, { token, body: raw, headers: { "content-type": type } });
        await expectRefused(e, route, target, send, 415, "unsupported_media_type");
      }
      const untyped = () => call(e, route, target, { token, body: new Blob([raw]) });
      await expectRefused(e, route, target, untyped, 415, "unsupported_media_type");
    },
  );

  check("a field nested 5,000 levels deep → 400, nothing changed", async () => {
    const { e, target, token } = await asCaller();
    const [first] = Object.keys(target.body as Record<string, unknown>);
    const deep = `${"[".repeat(5_000)}${"]".repeat(5_000)}`;
    const raw = JSON.stringify({ ...(target.body as object), [first ?? "x"]: 0 }).replace(
      /:0([,}])/,
      `:${deep}$1`,
    );
    const send = () => call(e, route, target, { token, body: raw, headers: jsonHeaders });
    await expectRefused(e, route, target, send, 400, "validation");
  });

  check("a string with a lone surrogate → 400, nothing changed", async () => {
    const { e, target, token } = await asCaller();
    const body = target.body as Record<string, unknown>;
    const key = Object.keys(body).find((k) => typeof body[k] === "string") ?? "note";
    const send = () =>
      call(e, route, target, { token, json: { ...body, [key]: `${body[key] ?? ""}\udc00` } });
    const problem = await expectRefused(e, route, target, send, 400, "validation");
    expect(problem.errors.map((err) => err.field)).toContain(key);
  });

  for (const raw of ["null", "[]", '"text"', "42", "true"]) {
    check(`JSON ${raw} instead of an object → 400`, async () => {
      const { e, target, token } = await asCaller();
      const send = () => call(e, route, target, { token, body: raw, headers: jsonHeaders });
      await expectRefused(e, route, target, send, 400, "validation");
    });
  }

  check("invalid values (the route's own cases) → 400, nothing changed", async () => {
    const { e, target, token } = await asCaller();
    const cases = route.invalidBodies ? await route.invalidBodies(target) : {};
    for (const [label, json] of Object.entries(cases)) {
      const before = await snapshots(e, route, target);
      const res = await call(e, route, target, { token, json });
      expect(res.status, label).toBe(400);
      const problem = await expectProblem(res, 400, "validation");
      expect(problem.errors.length, label).toBeGreaterThan(0);
      expect(await snapshots(e, route, target), label).toEqual(before);
    }
  });

  check("extra fields naming privileges or another organization are ignored", async () => {
    const { e, target, token } = await asCaller();
    const body = target.body as Record<string, unknown>;
    const injected = {
      tenantId: e.b.tenantId,
      tid: e.b.tenantId,
      role: "admin",
      status: "active",
      id: e.b.admin.id,
      memberId: e.b.admin.id,
      clientId: e.b.clients.full.id,
      createdBy: e.b.admin.id,
      scopes: [...clientScopes, "clients:manage"],
      passwordHash: "pbkdf2-sha256$1$AAAA$AAAA",
    };
    const extras = Object.fromEntries(Object.entries(injected).filter(([k]) => !(k in body)));
    // A literal "__proto__" key too: JSON.parse keeps it as data, a careless merge would not.
    const raw = JSON.stringify({ ...extras, ...body }).replace(
      /^\{/,
      '{"__proto__":{"role":"admin","isAdmin":true},',
    );
    const bBefore = await e.orgSnapshot(e.b);
    const standing = async () =>
      e.a.db
        .select({ role: members.role, status: members.status })
        .from(members)
        .where(eq(members.id, target.caller.id));
    const callerBefore = await standing();
    const send = () => call(e, route, target, { token, body: raw, headers: jsonHeaders });
    const res = await expectSucceeds(route, target, send);
    const text = await res.text();
    expect(text).not.toContain("clients:manage");
    expect(e.b.markers.filter((m) => text.includes(m))).toEqual([]);
    expect(await standing()).toEqual(callerBefore);
    expect(await e.orgSnapshot(e.b)).toEqual(bBefore);
  });
}

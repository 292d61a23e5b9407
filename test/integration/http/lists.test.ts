import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, programsOrg } from "../../support/programs-fixtures";

let h: Harness;
let admin: string;
let lists: string[];
beforeAll(async () => {
  h = await startHarness();
  const org = await programsOrg(h, "lists");
  admin = org.admin;
  const programId = await insertProgram(org.db);
  lists = [
    "/v1/members",
    "/v1/members/invitations",
    "/v1/programs",
    `/v1/programs/${programId}/enrollments`,
    "/v1/audit",
    "/v1/outbox",
    "/v1/webhook-targets",
  ];
});
afterAll(() => h.close());

const b64 = (text: string) => Buffer.from(text).toString("base64url");

const get = (list: string, query: string) =>
  h.request(`${list}${list.includes("?") ? "&" : "?"}${query}`, { token: admin });

describe("every list refuses a cursor it never handed out", () => {
  const garbage = {
    "not base64": "!!!",
    "base64 of no JSON": "abc",
    "an empty key": b64("[]"),
    "an object": b64('{"id":"x"}'),
    "a key of the wrong shape": b64('[true,{"a":1},null]'),
    "a number where text is expected, or text where a number is": b64('["x",1,"y",2]'),
  };
  it.each(Object.entries(garbage))("%s → 400 naming cursor", async (_what, cursor) => {
    for (const list of lists) {
      const res = await get(list, `cursor=${encodeURIComponent(cursor)}`);
      const problem = await expectProblem(res, 400, "validation");
      expect(
        problem.errors.map((e) => e.field),
        list,
      ).toEqual(["cursor"]);
    }
  });
});

describe("every list reads limit as plain decimal digits only", () => {
  it.each(["1e2", "0x10", " 5", "5 ", "+5", "5.0", "-1", "0", "101", "", "٥"])(
    "limit=%j → 400 naming limit",
    async (limit) => {
      for (const list of lists) {
        const res = await get(list, `limit=${encodeURIComponent(limit)}`);
        const problem = await expectProblem(res, 400, "validation");
        expect(
          problem.errors.map((e) => e.field),
          list,
        ).toEqual(["limit"]);
      }
    },
  );

  it.each(["1", "5", "100", "007"])("limit=%s → 200", async (limit) => {
    for (const list of lists) {
      const res = await get(list, `limit=${limit}`);
      expect(res.status, list).toBe(200);
    }
  });
});

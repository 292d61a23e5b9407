import { expect } from "vitest";
import { expectProblem } from "../problem";
import {
  type Check,
  call,
  clientAllowed,
  expectRefused,
  expectStatus,
  placeholders,
  prepareTarget,
  readAllPages,
} from "./helpers";
import {
  type ClientKind,
  clientGrants,
  type OrgFixture,
  type RouteSpec,
  type SuiteEnv,
} from "./types";

export function isolationChecks(env: () => SuiteEnv, route: RouteSpec, check: Check) {
  const clientKinds = Object.keys(clientGrants) as ClientKind[];
  if (route.sameForEveryOrganization) {
    check("A and B get the same answer: nothing in it belongs to an organization", async () => {
      const e = env();
      const read = async (org: OrgFixture) => {
        const res = await e.send("GET", route.path, { token: await e.memberToken(org, org.admin) });
        await expectStatus(res, 200);
        return res.text();
      };
      const [a, b] = [await read(e.a), await read(e.b)];
      expect(a).toBe(b);
      expect(e.b.markers.filter((m) => a.includes(m))).toEqual([]);
    });
  }
  if (route.countOnly) {
    check("A's count moves with A's rows, never with B's", async () => {
      const e = env();
      const read = async () => {
        const res = await e.send("GET", route.path, {
          token: await e.memberToken(e.a, e.a.member),
        });
        await expectStatus(res, 200);
        return res.text();
      };
      const before = await read();
      await prepareTarget(e, route, e.b, e.b.member);
      expect(await read()).toBe(before);
      await prepareTarget(e, route, e.a, e.a.member);
      expect(await read()).not.toBe(before);
    });
  }
  if (placeholders(route.path).length > 0) {
    check("A's admin on B's ids → 404, nothing of B changed", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.b, e.b.admin);
      const token = await e.memberToken(e.a, e.a.admin);
      const send = () => call(e, route, target, { token });
      await expectRefused(e, route, target, send, 404, "not_found");
    });

    check("A's full-scope client on B's ids → 404 (403 if clients never may)", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.b, e.b.admin);
      const token = await e.clientToken(e.a.clients.full);
      const allowed = clientAllowed(route, "full");
      const send = () => call(e, route, target, { token });
      const [status, code] = allowed ? [404, "not_found"] : [403, "forbidden"];
      await expectRefused(e, route, target, send, status, code);
    });

    check("made-up ids → 404; absurd ids → 400 or 404, never 500", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.a, e.a.admin);
      const token = await e.memberToken(e.a, e.a.admin);
      const names = placeholders(route.path);
      const madeUp = Object.fromEntries(names.map((n) => [n, `nope-${crypto.randomUUID()}`]));
      const made = await call(e, route, { ...target, params: madeUp }, { token });
      await expectProblem(made, 404, "not_found");
      for (const odd of ["x".repeat(5000), "../../v1/audit", "%00", "' OR 1=1 --", "🙂"]) {
        const params = Object.fromEntries(names.map((n) => [n, odd]));
        const res = await call(e, route, { ...target, params }, { token });
        expect([400, 404], `${odd.slice(0, 20)} → ${res.status}`).toContain(res.status);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
      }
    });
  }

  if (route.method === "GET" && !route.sameForEveryOrganization && !route.countOnly) {
    check("A's credentials never see B's rows", async () => {
      const e = env();
      const credentials: [string, () => Promise<string>][] = [
        ["admin", () => e.memberToken(e.a, e.a.admin)],
      ];
      if (route.caller !== "admin") {
        credentials.push(["member", () => e.memberToken(e.a, e.a.member)]);
      }
      for (const kind of clientKinds.filter((k) => clientAllowed(route, k))) {
        credentials.push([kind, () => e.clientToken(e.a.clients[kind])]);
      }
      for (const [who, credential] of credentials) {
        // Routes under an id (a program's queue, say) read what A's own setup made for the
        // member who reads it (enrolled, where reading takes that).
        const reader = who === "member" ? e.a.member : e.a.admin;
        const { params } = await prepareTarget(e, route, e.a, reader);
        const text = await readAllPages(e, route, credential, params);
        const leaked = e.b.markers.filter((m) => text.includes(m));
        expect(leaked, `${who} read B's data`).toEqual([]);
        expect(
          e.a.markers.some((m) => text.includes(m)),
          `${who} read A's data`,
        ).toBe(true);
      }
    });
  }
}

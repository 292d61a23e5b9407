import { beforeAll, describe, expect, it, vi } from "vitest";
import { maxBodyBytes } from "../../../workers/api/src/app";
import { expectProblem } from "../problem";
import { type Attack, attacks } from "./attacks";
import { badInputChecks } from "./checks-input";
import { isolationChecks } from "./checks-isolation";
import {
  call,
  clientAllowed,
  expectRefused,
  expectSucceeds,
  freshCaller,
  placeholders,
  prepareTarget,
  snapshots,
} from "./helpers";
import { craftMember } from "./tokens";
import {
  type ClientKind,
  clientGrants,
  type OrgFixture,
  type RouteSpec,
  type SuiteEnv,
  type Target,
} from "./types";

// The checks every authenticated route gets: credentials, authorization, isolation, input,
// body size, paging and replay.

/** Titles of the checks registered per route, so `knownFailures` cannot name a missing one. */
export const checkTitles = new Map<RouteSpec, Set<string>>();

export function routeChecks(env: () => SuiteEnv, route: RouteSpec) {
  const hasParams = placeholders(route.path).length > 0;
  const clientKinds = Object.keys(clientGrants) as ClientKind[];
  const titles = new Set<string>();
  checkTitles.set(route, titles);
  const check = (title: string, fn: () => Promise<void>) => {
    titles.add(title);
    (route.knownFailures?.[title] ? it.fails : it)(title, fn);
  };

  describe("without a valid credential (401)", () => {
    let target: Target;
    let before: unknown;
    beforeAll(async () => {
      const e = env();
      target = await prepareTarget(e, route, e.a, e.a.admin);
      before = await snapshots(e, route, target);
    });

    check("no credential, another scheme, an empty or garbage bearer", async () => {
      const e = env();
      const genuine = await e.memberToken(e.a, e.a.admin);
      const headers = [
        undefined,
        `Basic ${btoa("admin:password")}`,
        "Bearer",
        "Bearer ",
        "Bearer garbage",
        "Bearer a.b.c",
        `Bearer ${genuine} ${genuine}`,
        genuine,
      ];
      for (const authorization of headers) {
        const res = await call(e, route, target, authorization ? { authorization } : {});
        await expectProblem(res, 401, "unauthorized");
      }
    });

    const refuses = async (attack: Attack, org: OrgFixture, target: Target) => {
      const e = env();
      // Any outbound request would be the server following a key URL the token chose.
      const fetchSpy = vi
        .spyOn(globalThis, "fetch")
        .mockRejectedValue(new Error("the API must not fetch while verifying a token"));
      try {
        const token = await attack.token(e, org);
        const logged = e.h.rawLogs.length;
        await expectProblem(await call(e, route, target, { token }), 401, "unauthorized");
        expect(fetchSpy).not.toHaveBeenCalled();
        // Refusals are logged with their reason; a credential itself must never be.
        const signature = token.split(".")[2] || token;
        expect(e.h.rawLogs.slice(logged).join("\n")).not.toContain(signature);
      } finally {
        fetchSpy.mockRestore();
      }
    };

    for (const attack of attacks.filter((x) => !x.knownFailure)) {
      check(attack.name, () => refuses(attack, env().a, target));
    }

    check("none of them read or changed anything", async () => {
      expect(await snapshots(env(), route, target)).toEqual(before);
    });

    for (const attack of attacks.filter((x) => x.knownFailure)) {
      it.fails(attack.name, async () => {
        const e = env();
        const admin = await e.addMember(e.a, { role: "admin" });
        const org = { ...e.a, admin };
        await refuses(attack, org, await prepareTarget(e, route, org, admin));
      });
    }
  });

  describe("authorization", () => {
    if (route.caller === "admin") {
      check("a plain member → 403, nothing changed", async () => {
        const e = env();
        const target = await prepareTarget(e, route, e.a, e.a.member);
        const token = await e.memberToken(e.a, e.a.member);
        const send = () => call(e, route, target, { token });
        await expectRefused(e, route, target, send, 403, "forbidden");
      });

      check("a member whose token claims role admin → 403 (the stored role rules)", async () => {
        const e = env();
        const target = await prepareTarget(e, route, e.a, e.a.member);
        const token = await craftMember(e, e.a, { claims: { sub: e.a.member.id } });
        const send = () => call(e, route, target, { token });
        await expectRefused(e, route, target, send, 403, "forbidden");
      });
    } else {
      check(`a plain member → ${route.success}`, async () => {
        const e = env();
        const caller = await e.addMember(e.a);
        const target = await prepareTarget(e, route, e.a, caller);
        const token = await e.memberToken(e.a, caller);
        await expectSucceeds(route, target, () => call(e, route, target, { token }));
      });
    }

    check(`an admin → ${route.success}`, async () => {
      const e = env();
      const caller = await e.addMember(e.a, { role: "admin" });
      const target = await prepareTarget(e, route, e.a, caller);
      const token = await e.memberToken(e.a, caller);
      await expectSucceeds(route, target, () => call(e, route, target, { token }));
    });

    for (const kind of clientKinds) {
      const scopes = clientGrants[kind].join(", ");
      if (clientAllowed(route, kind)) {
        check(`a client with ${scopes} → ${route.success}`, async () => {
          const e = env();
          const target = await prepareTarget(e, route, e.a, e.a.admin);
          const token = await e.clientToken(e.a.clients[kind]);
          await expectSucceeds(route, target, () => call(e, route, target, { token }));
        });
      } else {
        check(`a client with ${scopes} → 403, nothing changed`, async () => {
          const e = env();
          const target = await prepareTarget(e, route, e.a, e.a.admin);
          const token = await e.clientToken(e.a.clients[kind]);
          const send = () => call(e, route, target, { token });
          await expectRefused(e, route, target, send, 403, "forbidden");
        });
      }
    }
  });

  if (hasParams || route.method === "GET") {
    describe("tenant isolation", () => isolationChecks(env, route, check));
  }

  if (route.body) {
    describe("bad input (400, never 500)", () => badInputChecks(env, route, check));
  }

  if (route.method !== "GET") {
    check("a body over 1 MiB → 413, with or without Content-Length; nothing changed", async () => {
      const e = env();
      const caller = await freshCaller(e, route, e.a);
      const target = await prepareTarget(e, route, e.a, caller);
      const token = await e.memberToken(e.a, caller);
      const huge = JSON.stringify({ pad: "x".repeat(maxBodyBytes) });
      const headers = { "content-type": "application/json" };
      const length = { ...headers, "content-length": String(huge.length) };
      for (const h of [headers, length]) {
        const send = () => call(e, route, target, { token, body: huge, headers: h });
        await expectRefused(e, route, target, send, 413, "payload_too_large");
      }
    });
  }

  if (route.list?.paginated) {
    check("bad paging parameters → 400, never 500", async () => {
      const e = env();
      const token = await e.memberToken(e.a, e.a.admin);
      const bad = ["limit=0", "limit=101", "limit=abc", "limit=1.5", "limit=1&limit=2"];
      for (const query of [...bad, `cursor=${"x".repeat(201)}`]) {
        const res = await e.send("GET", `${route.path}?${query}`, { token });
        await expectProblem(res, 400, "validation");
      }
      // A cursor the list never handed out: an empty page or a 400, whichever the list does.
      for (const cursor of ["zzz", "-1", "1e308", "' OR 1=1 --"]) {
        const query = `cursor=${encodeURIComponent(cursor)}`;
        const res = await e.send("GET", `${route.path}?${query}`, { token });
        expect([200, 400], `${cursor} → ${res.status}`).toContain(res.status);
      }
    });
  }

  if (route.method === "GET" && route.scope !== null && route.caller !== "anyMember") {
    check("one client JWT sent 10 times at once → exactly one 200", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.a, e.a.admin);
      const token = await e.clientToken(e.a.clients.full);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => call(e, route, target, { token })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(401)]);
      for (const res of results.filter((r) => r.status === 401)) {
        await expectProblem(res, 401, "unauthorized");
      }
    });
  }
}

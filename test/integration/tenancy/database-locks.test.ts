import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programs } from "../../../db/tenant/schema";
import { type AuthHarness, startAuthHarness, strongPassword } from "../../support/auth-fixtures";
import { holdLock } from "../../support/lock-holder";

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness();
});
afterAll(() => h.close());

interface Answer {
  slug: string;
  status: number;
  code?: string;
  retryAfter: string | null;
  programId?: string;
}

async function answerOf(slug: string, res: Response): Promise<Answer> {
  const body = (await res.json()) as { id?: string; code?: string };
  return {
    slug,
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    ...(body.code ? { code: body.code } : {}),
    ...(res.status === 201 && body.id ? { programId: body.id } : {}),
  };
}

/** What a coordinator and a member do all day: create programs and sign in. */
function traffic(slug: string, token: string) {
  let n = 0;
  return {
    createProgram: async () =>
      answerOf(
        slug,
        await h.request("/v1/programs", {
          method: "POST",
          token,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: `Program ${slug} ${n++}` }),
        }),
      ),
    signIn: async () =>
      answerOf(
        slug,
        await h.post(`/v1/orgs/${slug}/auth/login`, {
          email: `ada@${slug}.example`,
          password: strongPassword,
        }),
      ),
  };
}

async function tenantWithTraffic(slug: string) {
  await h.createTenant(slug);
  await h.addMember(slug, { email: `ada@${slug}.example` });
  return traffic(slug, await h.tokenFor(slug));
}

describe.each(["write", "read"] as const)(
  "another process holds a %s lock on a tenant's file for 3 s",
  (mode) => {
    it("that tenant answers 503 with Retry-After or succeeds, others are untouched, nothing acknowledged is lost, and it writes again within a second of the release", async () => {
      const locked = await tenantWithTraffic(`locked-${mode}`);
      const free = await tenantWithTraffic(`free-${mode}`);
      const answers: Answer[] = [];
      const lock = await holdLock(join(h.dataDir, "tenants", `locked-${mode}.db`), mode, 3000);
      let releasedAt: number | null = null;
      void lock.released.then((at) => {
        releasedAt = at;
      });

      // Four clients at once, as a busy organization would send them, until the lock is gone.
      await Promise.all(
        [locked, locked, locked, free].map(async (t, i) => {
          while (releasedAt === null) {
            answers.push(await (i % 2 === 0 ? t.createProgram() : t.signIn()));
            // SQLite answers synchronously: let the lock holder's "released" through.
            await new Promise((r) => setImmediate(r));
          }
        }),
      );

      const recoveredAfter = await (async () => {
        for (;;) {
          const answer = await locked.createProgram();
          answers.push(answer);
          if (answer.status === 201) return Date.now() - releasedAt!;
          if (Date.now() - releasedAt! > 5000) return Number.POSITIVE_INFINITY;
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      expect(recoveredAfter).toBeLessThan(1000);
      expect((await locked.signIn()).status).toBe(200);

      const lockedAnswers = answers.filter((a) => a.slug === `locked-${mode}`);
      expect(lockedAnswers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
      for (const answer of lockedAnswers) {
        if (answer.status < 300) continue;
        expect(answer).toMatchObject({ status: 503, code: "tenant_unavailable" });
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      expect(answers.filter((a) => a.slug === `free-${mode}`).map((a) => a.status)).not.toContain(
        503,
      );
      expect(answers.map((a) => a.status)).not.toContain(500);

      const acknowledged = lockedAnswers.flatMap((a) => (a.programId ? [a.programId] : []));
      const stored = await (await h.db(`locked-${mode}`))
        .select({ id: programs.id })
        .from(programs);
      expect(stored.map((p) => p.id).sort()).toEqual(expect.arrayContaining(acknowledged));
      expect(h.rawLogs.join("\n")).not.toContain(h.dataDir);
    });
  },
);

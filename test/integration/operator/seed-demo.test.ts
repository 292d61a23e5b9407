import { afterAll, describe, expect, it } from "vitest";
import { type RunningHost, startHost } from "../../../host/server";
import type { EnrollmentView } from "../../../workers/shared/src/contracts/enrollments";
import type { MatchView } from "../../../workers/shared/src/contracts/matches";
import { silentLogger } from "../../../workers/shared/src/platform/log";
import { cliHarness } from "../../support/cli";

// `npx tandem seed demo` as a newcomer runs it beside a running host: what it prints must be
// enough to sign in, and what they find signed in must be a running program with a cohort.
const { dataDir, tandem, cleanUp } = cliHarness();
let host: RunningHost | undefined;
afterAll(async () => {
  await host?.close();
  cleanUp();
});

const passwordIn = (stdout: string) => /^ {2}(demo-\S+)$/m.exec(stdout)?.[1];

async function signIn(email: string, password: string): Promise<Response> {
  return fetch(`${host!.url}/v1/orgs/demo/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

async function get<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${host!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe("tandem seed demo", { timeout: 90_000 }, () => {
  it("prints how to sign in and sets up a running program with a varied, trained cohort", async () => {
    const dir = dataDir();
    host = await startHost({ port: 0, dataDir: dir, scheduler: false, log: silentLogger, env: {} });
    const run = await tandem(dir, "seed", "demo");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`Sign in at ${host.url}/o/demo/sign-in`);
    const password = passwordIn(run.stdout)!;
    expect(password).toBeDefined();

    for (const email of [
      "coordinator@demo.example",
      "maya.mentor@demo.example",
      "liam.mentee@demo.example",
    ]) {
      expect(run.stdout).toContain(email);
      expect((await signIn(email, password)).status, email).toBe(200);
    }
    const admin = (
      (await (await signIn("coordinator@demo.example", password)).json()) as {
        accessToken: string;
      }
    ).accessToken;
    const programs = await get<{ items: { id: string; name: string; status: string }[] }>(
      admin,
      "/v1/programs",
    );
    expect(programs.items.map((p) => [p.name, p.status])).toEqual([
      ["First-year peer mentoring", "running"],
    ]);
    const { items } = await get<{ items: EnrollmentView[] }>(
      admin,
      `/v1/programs/${programs.items[0]!.id}/enrollments?limit=100`,
    );
    const inRole = (role: string) => items.filter((e) => e.role === role);
    expect(inRole("mentee").length).toBeGreaterThanOrEqual(20);
    expect(inRole("mentor").length).toBeGreaterThanOrEqual(8);
    for (const e of items) {
      expect(e.status, e.member.email).toBe("approved");
      expect(e.eligibleForMatching, e.member.email).toBe(true);
    }
    const distinct = (f: (e: EnrollmentView) => unknown) =>
      new Set(items.map((e) => JSON.stringify(f(e)))).size;
    expect(distinct((e) => e.profile.department)).toBeGreaterThanOrEqual(6);
    expect(distinct((e) => e.profile.seniority)).toBeGreaterThanOrEqual(4);
    expect(distinct((e) => e.profile.timeZone)).toBeGreaterThanOrEqual(5);
    expect(distinct((e) => e.profile.languages)).toBeGreaterThanOrEqual(5);
    expect(distinct((e) => e.profile.interests)).toBeGreaterThanOrEqual(6);
    expect(distinct((e) => e.profile.availability)).toBeGreaterThanOrEqual(4);

    // A match round ran: active pairs, each explained, no mentor over the program's capacity.
    const matched = await get<{ items: MatchView[] }>(
      admin,
      `/v1/programs/${programs.items[0]!.id}/matches?status=active&limit=100`,
    );
    expect(matched.items.length).toBeGreaterThanOrEqual(20);
    expect(run.stdout).toContain(`${matched.items.length} mentor–mentee pairs are matched`);
    const perMentor = new Map<string, number>();
    for (const m of matched.items) {
      expect(m.reasons.length, m.id).toBeGreaterThan(0);
      const mentor = m.participants.find((p) => p.role === "mentor")!.memberId;
      perMentor.set(mentor, (perMentor.get(mentor) ?? 0) + 1);
    }
    expect(Math.max(...perMentor.values())).toBeLessThanOrEqual(3);

    // Again: nothing is duplicated, and a new password replaces the one shown before.
    const again = await tandem(dir, "seed", "demo");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already set up");
    const newPassword = passwordIn(again.stdout)!;
    expect(newPassword).not.toBe(password);
    expect((await signIn("liam.mentee@demo.example", newPassword)).status).toBe(200);
    expect((await signIn("liam.mentee@demo.example", password)).status).toBe(401);
    const after = await get<{ items: unknown[] }>(admin, "/v1/programs");
    expect(after.items).toHaveLength(1);
  });
});

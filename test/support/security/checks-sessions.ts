import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, refreshTokens } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import { hashToken } from "../../../workers/shared/src/security/opaque-tokens";
import { expectProblem } from "../problem";
import { expectStatus } from "./helpers";
import type { MemberRef, OrgFixture, SuiteEnv } from "./types";

export function sessionChecks(env: () => SuiteEnv) {
  const login = (slug: string, email: string, password: string) =>
    env().send("POST", `/v1/orgs/${slug}/auth/login`, { json: { email, password } });
  const cookieCall = (slug: string, action: string, refresh: string) =>
    env().send("POST", `/v1/orgs/${slug}/auth/${action}`, {
      body: "{}",
      headers: {
        "content-type": "application/json",
        origin: "http://tandem.test",
        cookie: `tandem_refresh=${encodeURIComponent(refresh)}`,
      },
    });
  const refreshOf = (res: Response) => {
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("tandem_refresh="));
    expect(cookie, "a refresh cookie").toBeDefined();
    return decodeURIComponent(cookie!.split(";")[0]!.slice("tandem_refresh=".length));
  };
  const signIn = async (org: OrgFixture, member: MemberRef) => {
    const res = await login(org.slug, member.email, env().password);
    await expectStatus(res, 200);
    return refreshOf(res);
  };
  const familyOf = async (org: OrgFixture, refresh: string) => {
    const tokenHash = await hashToken(refresh);
    const [row] = await org.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    return row!.familyId;
  };

  it("reusing a spent refresh token revokes its whole sign-in, and only that one", async () => {
    const { a } = env();
    const m = await env().addMember(a);
    const first = await signIn(a, m);
    const phone = await signIn(a, m);
    const rotated = await cookieCall(a.slug, "refresh", first);
    await expectStatus(rotated, 200);
    const second = refreshOf(rotated);
    const family = await familyOf(a, first);

    await expectProblem(await cookieCall(a.slug, "refresh", first), 401, "unauthorized");
    await expectProblem(await cookieCall(a.slug, "refresh", second), 401, "unauthorized");
    const rows = await a.db.select().from(refreshTokens).where(eq(refreshTokens.familyId, family));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
    const reuse = await a.db.select().from(auditLog).where(eq(auditLog.subjectId, m.id));
    expect(reuse.filter((r) => r.action === "auth.refresh_reuse")).toHaveLength(1);
    expect((await cookieCall(a.slug, "refresh", phone)).status).toBe(200);
  });

  it("A's refresh token under B's slug → 401, and A's sign-in is untouched", async () => {
    const { a, b } = env();
    const m = await env().addMember(a);
    const refresh = await signIn(a, m);
    const bBefore = await env().orgSnapshot(b);
    await expectProblem(await cookieCall(b.slug, "refresh", refresh), 401, "unauthorized");
    expect((await cookieCall(b.slug, "logout", refresh)).status).toBe(204);
    expect(await env().orgSnapshot(b)).toEqual(bBefore);
    expect((await cookieCall(a.slug, "refresh", refresh)).status).toBe(200);
  });

  it("A's member cannot sign in under B's slug", async () => {
    const { a, b } = env();
    const m = await env().addMember(a);
    await expectProblem(await login(b.slug, m.email, env().password), 401, "unauthorized");
    await expectStatus(await login(a.slug, m.email, env().password), 200);
  });

  it("B's invitation link does nothing under A's slug", async () => {
    const { a, b, h } = env();
    const invitation = await env().invite(b);
    await h.deliver();
    const mailbox = h.platform.mail as DevMailbox;
    const [mail] = mailbox.list({ to: invitation.email });
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token, "the invitation link").toBeDefined();
    const aBefore = await env().orgSnapshot(a);
    for (const action of ["lookup", "accept"]) {
      const res = await env().send("POST", `/v1/orgs/${a.slug}/auth/invitations/${action}`, {
        json: { token, password: "a brand new passphrase 11" },
      });
      await expectProblem(res, 404, "not_found");
    }
    expect(await env().orgSnapshot(a)).toEqual(aBefore);
    const lookup = await env().send("POST", `/v1/orgs/${b.slug}/auth/invitations/lookup`, {
      json: { token },
    });
    await expectStatus(lookup, 200);
  });

  it("5 failed sign-ins → 429 + Retry-After, right password or not, for the window", async () => {
    const e = env();
    const m = await e.addMember(e.a);
    for (let i = 0; i < 5; i++) {
      await expectProblem(
        await login(e.a.slug, m.email, "wrong password 123"),
        401,
        "unauthorized",
      );
    }
    e.clock.advance(60_000);
    const limited = await login(e.a.slug, m.email, e.password);
    await expectProblem(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toBe(String(14 * 60));
    e.clock.advance(14 * 60_000);
    await expectStatus(await login(e.a.slug, m.email, e.password), 200);
  });

  it("wrong current passwords on /v1/me/password count towards the same limit", async () => {
    const e = env();
    const m = await e.addMember(e.a);
    const change = async (currentPassword: string) =>
      e.send("POST", "/v1/me/password", {
        token: await e.memberToken(e.a, m),
        json: { currentPassword, newPassword: "a brand new passphrase 11" },
      });
    for (let i = 0; i < 5; i++) {
      await expectProblem(await change("wrong password 123"), 400, "validation");
    }
    const limited = await change(e.password);
    await expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(await login(e.a.slug, m.email, e.password), 429, "rate_limited");
    e.clock.advance(15 * 60_000);
    await expectStatus(await login(e.a.slug, m.email, e.password), 200);
  });
}

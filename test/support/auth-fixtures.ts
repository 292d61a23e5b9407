import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { type Member, members } from "../../db/tenant/schema";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import type { Provisioner } from "../../workers/shared/src/platform/provisioning";
import { hashPassword } from "../../workers/shared/src/security/passwords";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "./node-harness";

/** Shared by the auth-*.test.ts files: a harness whose clock the test moves. */
export interface AuthHarness extends Harness {
  clock: { now: Date; advance(ms: number): void };
  db(slug: string): Promise<TenantDb>;
  addMember(slug: string, member: NewMember): Promise<Member>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  signIn(slug: string, email: string, password: string): Promise<SignedIn>;
}

export interface NewMember {
  email: string;
  password?: string | null;
  status?: Member["status"];
  role?: Member["role"];
  displayName?: string;
}

export interface SessionBody {
  accessToken: string;
  expiresIn: number;
  member: { id: string; email: string; displayName: string; role: string; status: string };
}

export interface SignedIn {
  res: Response;
  body: SessionBody;
  /** The refresh token as the cookie carries it. */
  refresh: string;
}

export const strongPassword = "violet tandem river 42";

/** The tandem_refresh cookie a response sets, whole (value and attributes). */
export function refreshSetCookie(res: Response): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith("tandem_refresh="));
}

export function refreshTokenOf(res: Response): string {
  const cookie = refreshSetCookie(res);
  expect(cookie).toBeDefined();
  return decodeURIComponent(cookie!.split(";")[0]!.slice("tandem_refresh=".length));
}

/** What a browser sends to the cookie routes: JSON, from Tandem's own origin, with the cookie. */
export function cookieHeaders(refresh: string | undefined): Record<string, string> {
  return {
    "content-type": "application/json",
    origin: "http://tandem.test",
    ...(refresh === undefined ? {} : { cookie: `tandem_refresh=${encodeURIComponent(refresh)}` }),
  };
}

export async function startAuthHarness(
  opts: { env?: NodeJS.ProcessEnv; provisioner?: Provisioner } = {},
) {
  let current = new Date();
  const clock = {
    get now() {
      return current;
    },
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
  const h = (await startHarness({ ...opts, now: () => clock.now })) as AuthHarness;
  h.clock = clock;
  h.db = async (slug) =>
    h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
  h.addMember = async (slug, m) => {
    const password = m.password === undefined ? strongPassword : m.password;
    const [row] = await (await h.db(slug))
      .insert(members)
      .values({
        id: crypto.randomUUID(),
        email: m.email,
        displayName: m.displayName ?? m.email.split("@")[0]!,
        role: m.role ?? "member",
        status: m.status ?? "active",
        passwordHash:
          password === null ? null : await hashPassword(password, h.platform.passwordPepper),
        createdAt: clock.now,
        updatedAt: clock.now,
      })
      .returning();
    return row!;
  };
  h.post = (path, body, headers = {}) =>
    h.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  h.signIn = async (slug, email, password) => {
    const res = await h.post(`/v1/orgs/${slug}/auth/login`, { email, password });
    expect(res.status).toBe(200);
    return { res, body: (await res.json()) as SessionBody, refresh: refreshTokenOf(res) };
  };
  return h;
}

export async function memberRow(h: AuthHarness, slug: string, id: string): Promise<Member> {
  const [row] = await (await h.db(slug)).select().from(members).where(eq(members.id, id));
  return row!;
}

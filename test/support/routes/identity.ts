import { asc, eq } from "drizzle-orm";
import { emailTokens } from "../../../db/tenant/schema";
import type { OrgRouteSpec, RouteSpec } from "../security";
import { memberState } from "./shared";

/** Security-suite rows of the signed-in member (/v1/me) and of signing in (/v1/orgs/{slug}/auth). */

export const meRouteSpecs: RouteSpec[] = [
  { method: "GET", path: "/v1/me", caller: "anyMember", scope: null, success: 200 },
  {
    method: "PATCH",
    path: "/v1/me",
    caller: "anyMember",
    scope: null,
    success: 200,
    body: ({ env }) => ({ displayName: env.unique("Renamed"), timeZone: "Europe/Berlin" }),
    snapshot: (t) => memberState(t, t.caller.id),
    invalidBodies: () => ({
      "a blank display name": { displayName: "   " },
      "a display name over 100 characters": { displayName: "x".repeat(101) },
      "a control character": { displayName: "a\u0007b" },
      "an unknown time zone": { timeZone: "Mars/Olympus" },
      "an offset instead of a zone": { timeZone: "+02:00" },
    }),
  },
  {
    method: "POST",
    path: "/v1/me/password",
    caller: "anyMember",
    scope: null,
    success: 204,
    body: ({ env }) => ({
      currentPassword: env.password,
      newPassword: `${env.unique("river")} violet tandem`,
    }),
    snapshot: (t) => memberState(t, t.caller.id),
    invalidBodies: ({ env }) => ({
      "a new password below the policy": { currentPassword: env.password, newPassword: "short" },
      "a common password": { currentPassword: env.password, newPassword: "password123" },
    }),
  },
  {
    method: "POST",
    path: "/v1/me/email",
    caller: "anyMember",
    scope: null,
    success: 202,
    body: ({ env, org }) => ({
      newEmail: `${env.unique("new")}@${org.slug}.test`,
      password: env.password,
    }),
    snapshot: async (t) => ({
      ...(await memberState(t, t.caller.id)),
      links: await t.org.db
        .select()
        .from(emailTokens)
        .where(eq(emailTokens.memberId, t.caller.id))
        .orderBy(asc(emailTokens.id)),
    }),
    invalidBodies: ({ env }) => ({
      "not an email address": { newEmail: "nope", password: env.password },
    }),
  },
];

const auth = "/v1/orgs/{slug}/auth";
const someToken = "x".repeat(43);
const somePassword = "violet tandem river 42";

export const orgRoutes: OrgRouteSpec[] = [
  { method: "GET", path: `${auth}/organization` },
  {
    method: "POST",
    path: `${auth}/login`,
    body: () => ({ email: "someone@example.test", password: somePassword }),
  },
  { method: "POST", path: `${auth}/refresh`, cookie: true },
  { method: "POST", path: `${auth}/logout`, cookie: true },
  { method: "POST", path: `${auth}/invitations/lookup`, body: () => ({ token: someToken }) },
  {
    method: "POST",
    path: `${auth}/invitations/accept`,
    body: () => ({ token: someToken, password: somePassword, displayName: "New Person" }),
  },
  { method: "POST", path: `${auth}/password-reset`, body: () => ({ email: "a@example.test" }) },
  {
    method: "POST",
    path: `${auth}/password-reset/confirm`,
    body: () => ({ token: someToken, password: somePassword }),
  },
  { method: "POST", path: `${auth}/email-change/confirm`, body: () => ({ token: someToken }) },
];

import { asc, eq, inArray } from "drizzle-orm";
import { invitations, members } from "../../../db/tenant/schema";
import type { RouteCtx, RouteSpec, Target } from "../security";
import { bodyOf, memberState } from "./shared";

/** Security-suite rows of the member routes (/v1/members and its invitations). */

// Snapshots: the rows a call would change, read straight from the databases.

async function invitationsFor({ org }: Pick<RouteCtx, "org">, emails: string[]) {
  return {
    invitations: await org.db
      .select()
      .from(invitations)
      .where(inArray(invitations.email, emails))
      .orderBy(asc(invitations.id)),
    members: await org.db
      .select()
      .from(members)
      .where(inArray(members.email, emails))
      .orderBy(asc(members.id)),
  };
}

async function invitationState(target: Target) {
  const [row] = await target.org.db
    .select()
    .from(invitations)
    .where(eq(invitations.id, target.params.invitationId!));
  return { row: row ?? null, ...(row ? await invitationsFor(target, [row.email]) : {}) };
}

// Bodies and targets.

const freshActiveMember = async ({ env, org }: RouteCtx) => ({
  memberId: (await env.addMember(org)).id,
});

const freshInvitation = async ({ env, org }: RouteCtx) => ({
  invitationId: (await env.invite(org)).id,
});

const inviteeEmail = ({ env, org }: RouteCtx) => `${env.unique("invitee")}@${org.slug}.test`;

export const memberRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/members",
    caller: "admin",
    scope: "members:read",
    success: 200,
    list: { paginated: true },
  },
  {
    method: "GET",
    path: "/v1/members/invitations",
    caller: "admin",
    scope: "members:read",
    success: 200,
    list: { paginated: true },
  },
  {
    method: "POST",
    path: "/v1/members/invitations",
    caller: "admin",
    scope: "members:write",
    success: 201,
    body: (ctx) => ({ email: inviteeEmail(ctx), role: "member", displayName: "New Person" }),
    snapshot: (t) => invitationsFor(t, [String(bodyOf(t).email)]),
    invalidBodies: (ctx) => ({
      "not an email address": { email: "nope" },
      "an unknown role": { email: inviteeEmail(ctx), role: "owner" },
      "a control character in the name": { email: inviteeEmail(ctx), displayName: "a\u0000b" },
      // The same bound as accepting and the profile, so an invited name always fits there.
      "a name over 100 characters": { email: inviteeEmail(ctx), displayName: "n".repeat(101) },
    }),
  },
  {
    method: "POST",
    path: "/v1/members/invitations/bulk",
    caller: "admin",
    scope: "members:write",
    success: 200,
    body: (ctx) => ({
      rows: [{ email: inviteeEmail(ctx) }, { email: inviteeEmail(ctx), role: "admin" }],
      mode: "all_or_nothing",
    }),
    snapshot: (t) => {
      const rows = bodyOf(t).rows as { email: string }[];
      return invitationsFor(
        t,
        rows.map((r) => r.email),
      );
    },
    invalidBodies: (ctx) => ({
      "rows of the wrong kinds": {
        rows: [null, 5, "x", [], { email: 12 }, { email: inviteeEmail(ctx), role: "owner" }],
        mode: "all_or_nothing",
      },
      "no rows": { rows: [], mode: "all_or_nothing" },
      "501 rows": {
        rows: Array.from({ length: 501 }, () => ({ email: inviteeEmail(ctx) })),
        mode: "all_or_nothing",
      },
      "an unknown mode": { rows: [{ email: inviteeEmail(ctx) }], mode: "some" },
      "a repeated address": {
        rows: [{ email: `twice@${ctx.org.slug}.test` }, { email: `TWICE@${ctx.org.slug}.test` }],
        mode: "all_or_nothing",
      },
    }),
  },
  {
    method: "DELETE",
    path: "/v1/members/invitations/{invitationId}",
    caller: "admin",
    scope: "members:write",
    success: 204,
    prepare: freshInvitation,
    snapshot: invitationState,
  },
  {
    method: "POST",
    path: "/v1/members/invitations/{invitationId}/resend",
    caller: "admin",
    scope: "members:write",
    success: 201,
    prepare: freshInvitation,
    snapshot: invitationState,
  },
  {
    method: "PATCH",
    path: "/v1/members/{memberId}",
    caller: "admin",
    scope: "members:write",
    success: 200,
    prepare: freshActiveMember,
    body: () => ({ role: "admin" }),
    snapshot: (t) => memberState(t, t.params.memberId!),
    invalidBodies: () => ({
      "an unknown role": { role: "owner" },
      "a role in capitals": { role: "ADMIN" },
    }),
  },
  {
    method: "POST",
    path: "/v1/members/{memberId}/deactivate",
    caller: "admin",
    scope: "members:write",
    success: 200,
    prepare: freshActiveMember,
    snapshot: (t) => memberState(t, t.params.memberId!),
  },
  {
    method: "POST",
    path: "/v1/members/{memberId}/reactivate",
    caller: "admin",
    scope: "members:write",
    success: 200,
    prepare: async ({ env, org }) => ({
      memberId: (await env.addMember(org, { status: "deactivated" })).id,
    }),
    snapshot: (t) => memberState(t, t.params.memberId!),
  },
];

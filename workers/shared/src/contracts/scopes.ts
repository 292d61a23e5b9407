/**
 * What an integration may be granted, read and write per feature. Admins (program
 * coordinators) hold all of them; members hold none and act on their own data through /v1/me.
 * No valibot here: the web client's first download reads this file.
 */

export const memberScopes = ["members:read", "members:write", "members:admin"] as const;
export const auditScopes = ["audit:read"] as const;
export const programScopes = ["programs:read", "programs:write"] as const;
export const enrollmentScopes = ["enrollments:read", "enrollments:write"] as const;
export const matchScopes = ["matches:read", "matches:write"] as const;
export const relationshipScopes = [
  "agreements:read",
  "meetings:read",
  "meetings:write",
  "checkins:read",
  "goals:read",
] as const;
export const stewardshipScopes = ["concerns:read"] as const;

/** Every scope, in the order the API lists them. */
export const clientScopes = [
  ...memberScopes,
  ...auditScopes,
  ...programScopes,
  ...enrollmentScopes,
  ...matchScopes,
  ...relationshipScopes,
  ...stewardshipScopes,
] as const;
export type ClientScope = (typeof clientScopes)[number];

/** What each scope allows, in an admin's words: the registration form and OpenAPI show it. */
export const scopeDescriptions: Record<ClientScope, string> = {
  "members:read": "Read the member list and pending invitations",
  "members:write": "Invite, change and deactivate members (not the admin role)",
  "members:admin":
    "With members:write: invite admins and change who is an admin (who then manage API clients)",
  "audit:read": "Read the audit log",
  "programs:read": "Read programs, their rules and rule history, and their training",
  "programs:write": "Create programs; change their details, rules, status and training",
  "enrollments:read": "Read who applied to or takes part in a program",
  "enrollments:write": "Decide applications and enroll members in bulk",
  "matches:read": "Read matches, suggestions, assignment runs and pins",
  "matches:write": "Make, approve and close matches; run assignments; pin and forbid pairs",
  "agreements:read": "Read pairs' mentoring agreements and who acknowledged them",
  "meetings:read": "Read pairs' meetings (not their notes) and commitments",
  "meetings:write": "Schedule, move, cancel and log pairs' meetings; record commitments",
  "checkins:read": "See which check-ins are due and answered (never the answers)",
  "goals:read": "Read pairs' goals, milestones, progress and celebrations",
  "concerns:read":
    "Read concerns the pairs raised and coordinators' notes on them (each read is recorded)",
};

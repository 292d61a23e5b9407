import { clientScopes, scopeDescriptions } from "../../../shared/src/contracts/scopes";

/**
 * What the OpenAPI document says that the routes themselves do not carry: their area (tag),
 * summary and, for routes without an `allows` declaration, the credentials they take, by path;
 * the credentials and error answers.
 */

export const openApiPath = "/openapi.json";

export type Security = Record<string, string[]>[];

const member = { memberToken: [] };
const operator = { operatorToken: [] };

/**
 * Alternatives, any one of them enough, by path prefix; the longest match wins. Authenticated
 * routes declare theirs with `allows` (http/access.ts), which the document prefers.
 */
const credentials: [prefix: string, security: Security][] = [
  ["/", []],
  ["/v1", [member]],
  ["/v1/orgs/{slug}/auth", []],
  // A calendar feed's secret address is its credential.
  ["/v1/orgs/{slug}/calendar", []],
  // A reminder email's preferences link: its token (Tandem-Link-Token header) is the credential.
  ["/v1/orgs/{slug}/notification-preferences", []],
  ["/operator/v1", [operator]],
];

interface Area {
  tag: string;
  description: string;
  /** OpenAPI path prefixes; the longest match wins. */
  prefixes: string[];
}

export const areas: Area[] = [
  {
    tag: "health",
    description: "Liveness, the platform's public keys and this document. No credential.",
    prefixes: ["/healthz", "/.well-known", openApiPath],
  },
  {
    tag: "auth",
    description: "Signing in and email links. No token: the organization is named by slug.",
    prefixes: ["/v1/orgs/{slug}/auth"],
  },
  {
    tag: "me",
    description: "The signed-in member. Members only: integrations get 403.",
    prefixes: ["/v1/me"],
  },
  {
    tag: "members",
    description:
      "Members and invitations: admins; integrations with members:read/write (and members:admin for the admin role).",
    prefixes: ["/v1/members"],
  },
  {
    tag: "programs",
    description: "Mentoring programs and their templates.",
    prefixes: ["/v1/programs", "/v1/program-templates"],
  },
  {
    tag: "enrollments",
    description: "Who takes part in a program, and as what.",
    prefixes: ["/v1/programs/{programId}/enrollments", "/v1/me/enrollments"],
  },
  {
    tag: "training",
    description: "The training a program asks of its participants.",
    prefixes: ["/v1/programs/{programId}/training"],
  },
  {
    tag: "matching",
    description:
      "Matches and how they are made: suggestions, assignment runs, pins, mentees' requests.",
    prefixes: [
      "/v1/programs/{programId}/matches",
      "/v1/programs/{programId}/matching",
      "/v1/programs/{programId}/match-requests",
      "/v1/me/matches",
      "/v1/me/match-requests",
      "/v1/me/programs",
    ],
  },
  {
    tag: "relationships",
    description:
      "A pair's life: agreement, meetings, commitments, check-ins, goals, feedback, timeline.",
    prefixes: [
      "/v1/matches",
      "/v1/me/check-ins",
      "/v1/me/calendar-feed",
      "/v1/orgs/{slug}/calendar",
      "/v1/programs/{programId}/wall",
      "/v1/programs/{programId}/coordinator-tasks",
    ],
  },
  {
    tag: "notifications",
    description:
      "A member's in-app notifications and reminder channels: members only (integrations get 403); by-link routes take a reminder email's link token instead.",
    prefixes: [
      "/v1/me/notifications",
      "/v1/me/notification-preferences",
      "/v1/orgs/{slug}/notification-preferences",
    ],
  },
  {
    tag: "clients",
    description: "Integration clients (API keys as JWKs). Admins only.",
    prefixes: ["/v1/clients"],
  },
  {
    tag: "audit",
    description: "The organization's audit log: admins; integrations with audit:read.",
    prefixes: ["/v1/audit"],
  },
  {
    tag: "outbox",
    description:
      "Emails and webhook posts sent, waiting for a retry or failed, with a retry action. " +
      "Admins only.",
    prefixes: ["/v1/outbox"],
  },
  {
    tag: "webhooks",
    description:
      "Webhook targets (Slack or Teams incoming webhooks) where coordinator reminders are " +
      "posted, signed. Admins only.",
    prefixes: ["/v1/webhook-targets"],
  },
  {
    tag: "operator",
    description: "Running the platform: tenants and migrations. Operator token only.",
    prefixes: ["/operator/v1"],
  },
];

/** Short summaries by "METHOD /path" (OpenAPI form). The full reference is docs/api.md. */
export const summaries: Record<string, string> = {
  "GET /healthz": "Liveness check",
  "GET /.well-known/jwks.json": "Public keys that verify access tokens",
  "GET /v1/orgs/{slug}/auth/organization": "The organization's public name and kind",
  "POST /v1/orgs/{slug}/auth/login": "Sign in with email and password",
  "POST /v1/orgs/{slug}/auth/refresh": "New access token from the refresh cookie",
  "POST /v1/orgs/{slug}/auth/logout": "Sign out: revoke this sign-in's sessions",
  "POST /v1/orgs/{slug}/auth/invitations/lookup": "What an invitation link is for",
  "POST /v1/orgs/{slug}/auth/invitations/accept": "Accept an invitation and sign in",
  "POST /v1/orgs/{slug}/auth/password-reset": "Email a password reset link",
  "POST /v1/orgs/{slug}/auth/password-reset/confirm": "Set a new password from a reset link",
  "POST /v1/orgs/{slug}/auth/email-change/confirm": "Confirm a new email address",
  "GET /v1/me": "The signed-in member",
  "PATCH /v1/me": "Change display name or time zone",
  "POST /v1/me/password": "Change password",
  "POST /v1/me/email": "Start an email address change",
  "GET /v1/me/notifications": "The signed-in member's notifications, newest first",
  "GET /v1/me/notifications/unread-count": "How many notifications are unread (the bell)",
  "POST /v1/me/notifications/{id}/read": "Mark one notification read",
  "POST /v1/me/notifications/read-all": "Mark every notification read",
  "GET /v1/me/notification-preferences": "How the member is reminded, and what programs allow",
  "PUT /v1/me/notification-preferences": "Choose reminder channels (email, in_app)",
  "GET /v1/orgs/{slug}/notification-preferences/by-link":
    "Reminder channels, from a reminder email's link (its token in the Tandem-Link-Token header)",
  "PUT /v1/orgs/{slug}/notification-preferences/by-link":
    "Choose reminder channels from a reminder email's link (token: Tandem-Link-Token header)",
  "GET /v1/members": "List members",
  "GET /v1/members/invitations": "List open invitations",
  "POST /v1/members/invitations":
    "Invite one person (an admin: integrations also need members:admin)",
  "POST /v1/members/invitations/bulk": "Invite up to 500 people (admins: as for one)",
  "DELETE /v1/members/invitations/{id}": "Revoke an invitation",
  "POST /v1/members/invitations/{id}/resend":
    "Resend an invitation with a fresh link (an admin's: as for one)",
  "PATCH /v1/members/{id}": "Change a member's role (integrations also need members:admin)",
  "POST /v1/members/{id}/deactivate": "Deactivate a member",
  "POST /v1/members/{id}/reactivate": "Reactivate a member",
  "GET /v1/clients": "List integration clients",
  "POST /v1/clients": "Register an integration client",
  "POST /v1/clients/{id}/keys": "Add a public key to a client",
  "DELETE /v1/clients/{id}/keys/{kid}": "Remove a client's key",
  "POST /v1/clients/{id}/revoke": "Revoke an integration client",
  "GET /v1/audit": "Read the audit log",
  "GET /v1/programs/{programId}/reminders":
    "A program's reminders: the week ahead, waiting, sent or failed",
  "POST /v1/programs/{programId}/reminders/{key}/retry": "Send a failed reminder again",
  "GET /v1/outbox": "List deliveries, emails and webhook posts (?status=dead: the failed ones)",
  "POST /v1/outbox/{id}/retry": "Retry a failed delivery",
  "GET /v1/webhook-targets": "List webhook targets (URLs masked)",
  "POST /v1/webhook-targets": "Add a webhook target; its signing secret is shown once",
  "PATCH /v1/webhook-targets/{id}": "Rename, disable or enable a webhook target",
  "DELETE /v1/webhook-targets/{id}": "Delete a webhook target",
  "POST /v1/webhook-targets/{id}/test": "Queue a test post to a webhook target",
  "GET /operator/v1/tenants": "List organizations",
  "POST /operator/v1/tenants": "Create an organization",
  "POST /operator/v1/tenants/{slug}/admin-invitations": "Invite an organization's admin",
  "POST /operator/v1/tenants/{slug}/suspend": "Suspend an organization",
  "POST /operator/v1/tenants/{slug}/resume": "Resume a suspended organization",
  "POST /operator/v1/migrate": "Migrate every organization's database",
};

const under = (path: string, prefix: string) =>
  prefix === "/" || path === prefix || path.startsWith(`${prefix}/`);

function longestMatch<T>(path: string, entries: [prefix: string, value: T][]): T | undefined {
  let best: { value: T; length: number } | undefined;
  for (const [prefix, value] of entries) {
    if (under(path, prefix) && prefix.length > (best?.length ?? -1)) {
      best = { value, length: prefix.length };
    }
  }
  return best?.value;
}

export const areaOf = (path: string) =>
  longestMatch(
    path,
    areas.flatMap((area) => area.prefixes.map((prefix): [string, Area] => [prefix, area])),
  );

export const credentialsOf = (path: string): Security => longestMatch(path, credentials) ?? [];

const scopeList = clientScopes.map((scope) => `${scope}: ${scopeDescriptions[scope]}`);

export const securitySchemes = {
  memberToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "A member's access token (EdDSA, typ at+jwt, 15 minutes) from " +
      "POST /v1/orgs/{slug}/auth/login or /refresh.",
  },
  clientAssertion: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "An integration client's own short-lived JWT, signed with a key registered " +
      "under /v1/clients (iss = the client id, aud = the API's public URL). " +
      `Its scopes: ${scopeList.join("; ")}.`,
  },
  operatorToken: {
    type: "http",
    scheme: "bearer",
    description: "The platform's OPERATOR_TOKEN.",
  },
};

const problemContent = {
  "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
};

export const responses = {
  Problem: { description: "Any error.", content: problemContent },
  ValidationProblem: {
    description: 'Invalid input: code "validation", with one entry per field in errors.',
    content: problemContent,
  },
  Unauthorized: {
    description: "No credential, or one that is not valid here.",
    content: problemContent,
  },
};

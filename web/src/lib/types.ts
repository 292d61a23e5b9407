// Shapes from docs/api.md, as the web client reads them.

export type Role = "admin" | "member";
export type MemberStatus = "invited" | "active" | "deactivated";

export interface Organization {
  slug: string;
  name: string;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: MemberStatus;
  timeZone: string;
  organization: Organization;
}

export interface SessionAnswer {
  accessToken: string;
  expiresIn: number;
  member: Me;
}

export interface MemberView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: MemberStatus;
  timeZone: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  displayName?: string | null;
  expiresAt: string;
  createdAt?: string;
}

export interface InvitationLookup {
  email: string;
  role: Role;
  organization: Organization;
  expiresAt: string;
}

export const scopes = ["members:read", "members:write", "audit:read"] as const;
export type Scope = (typeof scopes)[number];

export interface ClientKey {
  kid: string;
  kty: string;
  alg: string;
}

export interface ClientView {
  id: string;
  name: string;
  scopes: Scope[];
  status: "active" | "revoked";
  keys: ClientKey[];
  jwksUrl: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  detail: unknown;
}

export interface MailboxMessage {
  id: string;
  sentAt: string;
  to: string;
  subject: string;
  text: string;
}

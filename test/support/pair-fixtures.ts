import { eq } from "drizzle-orm";
import { generateKeyPair, SignJWT } from "jose";
import { integrationClients } from "../../db/control/schema";
import {
  agreementAcknowledgements,
  agreementVersions,
  matches,
  members,
} from "../../db/tenant/schema";
import type { ClientScope } from "../../workers/shared/src/contracts/scopes";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { storedJwk } from "./client-keys";
import { insertMatchRow } from "./matching-fixtures";
import { type Harness, startHarness } from "./node-harness";
import { insertProgram, programsOrg, sendJson, tenantDb } from "./programs-fixtures";

// A pair's life for the commitments and check-ins tests: an organization whose clock the
// test sets, members who sign in on that clock, matches begun on a given day.

export interface Clock {
  now: Date;
}

export function pairOrg(h: Harness, slug: string) {
  const as = (memberId: string, role: "admin" | "member" = "member") =>
    h.tokenFor(slug, { memberId, role });
  return {
    /** A request as `memberId`, signed in at the clock's current time. */
    async send(memberId: string, method: string, path: string, body?: unknown) {
      const db = await tenantDb(h, slug);
      const [row] = await db
        .select({ role: members.role })
        .from(members)
        .where(eq(members.id, memberId));
      return sendJson(h, method, path, await as(memberId, row?.role ?? "member"), body);
    },
    as,
  };
}

/** Names and time zones of members, created as tokens need them. */
export async function person(
  h: Harness,
  db: TenantDb,
  slug: string,
  id: string,
  displayName: string,
  timeZone = "UTC",
  role: "admin" | "member" = id === "coord" ? "admin" : "member",
) {
  await h.tokenFor(slug, { memberId: id, role });
  await db.update(members).set({ displayName, timeZone }).where(eq(members.id, id));
}

/** An active match begun at `activatedAt`, optionally with an acknowledged agreement. */
export async function pairSince(
  db: TenantDb,
  p: { programId: string; mentorId: string; menteeId: string; activatedAt: Date },
  settled = true,
): Promise<string> {
  const matchId = await insertMatchRow(db, p);
  await db.update(matches).set({ activatedAt: p.activatedAt }).where(eq(matches.id, matchId));
  if (settled) await acknowledgeAgreement(db, matchId, [p.mentorId, p.menteeId], p.activatedAt);
  return matchId;
}

export async function acknowledgeAgreement(db: TenantDb, matchId: string, by: string[], at: Date) {
  const id = `agv_${crypto.randomUUID()}`;
  const part = { mentor: "Every other week", mentee: "Every other week" };
  await db.insert(agreementVersions).values({
    id,
    matchId,
    version: 1,
    entries: {
      goals: part,
      timeCommitment: part,
      meetingFrequency: part,
      communication: part,
      boundaries: part,
    },
    sections: {},
    changedBy: by[0]!,
    createdAt: at,
  });
  await db
    .insert(agreementAcknowledgements)
    .values(by.map((memberId) => ({ versionId: id, memberId, at })));
}

export { insertProgram };

/**
 * An integration of the organization holding `scopes`, registered once; each call of what it
 * returns signs a new assertion at the clock's current time (a fresh jti: none is replayed).
 */
export async function integrationClient(
  h: Harness,
  slug: string,
  scopes: readonly string[],
  clock: () => Date,
): Promise<() => Promise<string>> {
  const tenant = await findTenantBySlug(h.platform.control, slug);
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const clientId = `cli_${crypto.randomUUID().replaceAll("-", "")}`;
  await h.platform.control.insert(integrationClients).values({
    id: clientId,
    tenantId: tenant.id,
    name: "Program reports",
    scopes: scopes as ClientScope[],
    jwks: [await storedJwk(publicKey, "k1")],
    status: "active",
    createdAt: clock(),
    updatedAt: clock(),
  });
  return () => {
    const seconds = Math.floor(clock().getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(h.platform.tokenAudience.audience)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + 120)
      .setJti(crypto.randomUUID())
      .sign(privateKey);
  };
}

/** A new integration holding `scopes`, and one assertion it signed at `now`. */
export async function clientToken(
  h: Harness,
  slug: string,
  scopes: ClientScope[],
  now: Date,
): Promise<string> {
  return (await integrationClient(h, slug, scopes, () => now))();
}

/**
 * An organization on the test's clock for a pair's tests: Northside College, these people
 * (`[id, name, time zone]`, UTC by default) and a "Speaking circle" program.
 */
export async function pairWorld(
  slug: string,
  clock: { now: Date },
  people: readonly (readonly [string, string, string?])[],
) {
  const h = await startHarness({ now: () => clock.now });
  const { db } = await programsOrg(h, slug, "Northside College");
  for (const [id, name, timeZone] of people) await person(h, db, slug, id, name, timeZone);
  const programId = await insertProgram(db, { name: "Speaking circle" });
  return { h, db, org: pairOrg(h, slug), programId };
}

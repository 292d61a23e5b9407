import { members } from "../../db/tenant/schema";
import { createApp } from "../../workers/api/src/app";
import { AppError } from "../../workers/shared/src/contracts/common/errors";
import type { Platform } from "../../workers/shared/src/platform/platform";
import { hashPassword } from "../../workers/shared/src/security/passwords";
import {
  createTenant,
  findTenantBySlug,
  type OperatorCtx,
} from "../../workers/shared/src/tenancy/tenants";
import { type DemoApi, demoApi } from "./demo-api";
import { coordinator, type DemoPerson, mentees, mentors } from "./demo-cohort";

export const demoSlug = "demo";
export const demoProgramName = "First-year peer mentoring";

export interface DemoReport {
  slug: string;
  signIn: string;
  /** Every demo account's password: new at each seed, shown once. */
  password: string;
  accounts: { coordinator: string; mentor: string; mentee: string };
  counts: { mentors: number; mentees: number; pairs: number };
  /** false when the demo was already there: only the password was set anew. */
  created: boolean;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Long and random: the demo may sit on a reachable host; nobody types it from memory. */
function newDemoPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `demo-${Buffer.from(bytes).toString("base64url")}`;
}

/**
 * The demo organization, set up the way people would: members who can sign in, then through
 * the API a program created from a template with training, its mentors and mentees applying
 * with their profiles, the coordinator approving them, everyone doing their training, and
 * the program started, then a match round approved. Running it again keeps the data and sets
 * a new password.
 */
export async function seedDemo(platform: Platform & OperatorCtx): Promise<DemoReport> {
  try {
    await createTenant(platform, { slug: demoSlug, name: "Demo University", kind: "university" });
  } catch (err) {
    if (!(err instanceof AppError && err.code === "conflict")) throw err;
  }
  const tenant = await findTenantBySlug(platform.control, demoSlug);
  const password = newDemoPassword();
  const passwordHash = await hashPassword(password, platform.passwordPepper);
  const now = platform.now();
  const db = await platform.connections.db(tenant);
  const people = [{ ...coordinator, role: "admin" as const }, ...mentors, ...mentees];
  // Members are the one thing written directly: invitations would need their emailed links.
  for (const p of people) {
    await db
      .insert(members)
      .values({
        id: crypto.randomUUID(),
        email: p.email,
        displayName: p.displayName,
        role: p.role === "admin" ? "admin" : "member",
        status: "active",
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({ target: members.email, set: { passwordHash, updatedAt: now } });
  }

  const api = demoApi(createApp(platform), demoSlug);
  const admin = await api.signIn(coordinator.email, password);
  const existing = await api.call<{ items: { id: string; name: string }[] }>(
    admin,
    "GET",
    "/v1/programs",
  );
  const found = existing.items.find((p) => p.name === demoProgramName);
  const created = found === undefined;
  const programId = found?.id ?? (await runProgram(api, admin, password, isoDay(now)));
  const active = await api.call<{ items: unknown[] }>(
    admin,
    "GET",
    `/v1/programs/${programId}/matches?status=active&limit=100`,
  );
  return {
    slug: demoSlug,
    signIn: `${platform.publicUrl}/o/${demoSlug}/sign-in`,
    password,
    accounts: {
      coordinator: coordinator.email,
      mentor: mentors[0]!.email,
      mentee: mentees[0]!.email,
    },
    counts: { mentors: mentors.length, mentees: mentees.length, pairs: active.items.length },
    created,
  };
}

/** The demo program, run from creation to matched pairs; returns its id. */
async function runProgram(
  api: DemoApi,
  admin: string,
  password: string,
  today: string,
): Promise<string> {
  const program = await api.call<{ id: string }>(admin, "POST", "/v1/programs", {
    name: demoProgramName,
    templateKey: "university-peer",
    startsOn: today,
  });
  const base = `/v1/programs/${program.id}`;
  const training = [
    {
      title: "Welcome to peer mentoring",
      kind: "link",
      url: "https://example.org/peer-mentoring/welcome",
      requiredFor: "both",
    },
    {
      title: "Boundaries, confidentiality and when to refer",
      kind: "document",
      body: "What a mentor keeps confidential, what they never do, and who to call when a mentee is not safe.",
      requiredFor: "mentor",
    },
  ];
  const resources: { id: string; requiredFor: string }[] = [];
  for (const t of training) resources.push(await api.call(admin, "POST", `${base}/training`, t));
  await api.call(admin, "POST", `${base}/status`, { status: "open" });

  const everyone: DemoPerson[] = [...mentors, ...mentees];
  const tokens = new Map<string, string>();
  for (const person of everyone) {
    const token = await api.signIn(person.email, password);
    tokens.set(person.email, token);
    await api.call(token, "POST", `${base}/enrollments`, {
      role: person.role,
      profile: person.profile,
      answers: { looking_forward: person.lookingForward, topics: person.topics },
    });
  }
  const queue = await api.call<{ items: { id: string; role: string }[] }>(
    admin,
    "GET",
    `${base}/enrollments?status=applied&limit=100`,
  );
  for (const enrollment of queue.items) {
    await api.call(admin, "POST", `${base}/enrollments/${enrollment.id}/decision`, {
      decision: "approve",
      message: "Welcome aboard! Your training is listed in the program.",
    });
  }
  for (const person of everyone) {
    for (const r of resources) {
      if (r.requiredFor !== "both" && r.requiredFor !== person.role) continue;
      await api.call(tokens.get(person.email)!, "POST", `${base}/training/${r.id}/complete`, {});
    }
  }
  await api.call(admin, "POST", `${base}/status`, { status: "running" });
  // A match round, as a coordinator runs it: the balanced assignment, approved as proposed.
  const run = await api.call<{ id: string }>(admin, "POST", `${base}/matching/runs`, {
    objective: "balanced",
  });
  await api.call(admin, "POST", `${base}/matching/runs/${run.id}/approve`, {});
  return program.id;
}

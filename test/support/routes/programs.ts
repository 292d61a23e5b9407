import { asc, count, eq } from "drizzle-orm";
import { programRuleVersions, programs, trainingResources } from "../../../db/tenant/schema";
import {
  expectStatus,
  type OrgFixture,
  type RouteCtx,
  type RouteSpec,
  type Target,
} from "../security";

/** Security-suite rows of the program routes (/v1/programs, /v1/program-templates). */

// Programs are made through the API as the organization's admin, named with its slug so the
// isolation checks can tell whose they are.

async function asAdmin(ctx: RouteCtx, method: string, path: string, json: unknown) {
  const token = await ctx.env.memberToken(ctx.org, ctx.org.admin);
  return ctx.env.send(method, path, { token, json });
}

async function draftProgram(ctx: RouteCtx): Promise<string> {
  const name = `${ctx.org.slug} ${ctx.env.unique("program")}`;
  const res = await asAdmin(ctx, "POST", "/v1/programs", { name, relationshipLengthDays: 180 });
  await expectStatus(res, 201);
  return ((await res.json()) as { id: string }).id;
}

async function openProgram(ctx: RouteCtx): Promise<string> {
  const id = await draftProgram(ctx);
  await expectStatus(
    await asAdmin(ctx, "POST", `/v1/programs/${id}/status`, { status: "open" }),
    200,
  );
  return id;
}

const freshDraft = async (ctx: RouteCtx) => ({ programId: await draftProgram(ctx) });
const freshOpen = async (ctx: RouteCtx) => ({ programId: await openProgram(ctx) });

/** A draft with one training resource, so a copy has training to carry over. */
async function draftWithTraining(ctx: RouteCtx) {
  const programId = await draftProgram(ctx);
  await ctx.org.db.insert(trainingResources).values({
    id: crypto.randomUUID(),
    programId,
    title: `${ctx.org.slug} safeguarding`,
    kind: "link",
    url: "https://training.example/safeguarding",
    requiredFor: "both",
    position: 0,
    createdAt: ctx.env.clock.now,
  });
  return { programId };
}

// Snapshots: the rows a call would change.

async function programState({ org }: { org: OrgFixture }, id: string) {
  const [program] = await org.db.select().from(programs).where(eq(programs.id, id));
  const versions = await org.db
    .select()
    .from(programRuleVersions)
    .where(eq(programRuleVersions.programId, id))
    .orderBy(asc(programRuleVersions.version));
  return { program: program ?? null, versions };
}

/** Every program of the organization, with how many rule versions and training rows exist. */
async function allPrograms({ org }: { org: OrgFixture }) {
  const [versions] = await org.db.select({ rows: count() }).from(programRuleVersions);
  const [training] = await org.db.select({ rows: count() }).from(trainingResources);
  return {
    programs: await org.db.select().from(programs).orderBy(asc(programs.id)),
    versions,
    training,
  };
}

/** A preview writes nothing: its only trace is the request log's line for an answered call. */
function previewsAnswered(target: Target) {
  const path = `/v1/programs/${target.params.programId}/rules/preview`;
  return target.env.h.rawLogs
    .filter((line) => line.includes(path))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === "request" && entry.path === path && entry.status === 200)
    .length;
}

const programName = ({ env, org }: RouteCtx) => `${org.slug} ${env.unique("Program")}`;
const byId = (t: Target) => programState(t, t.params.programId!);

// The suite reads a GET's isolation check from its literal path, placeholders unfilled; the
// 404 checks on B's ids cover these routes' isolation instead.

export const programRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/program-templates",
    caller: "member",
    scope: "programs:read",
    success: 200,
    list: { paginated: false },
    sameForEveryOrganization: true,
  },
  {
    method: "GET",
    path: "/v1/programs",
    caller: "member",
    scope: "programs:read",
    success: 200,
    list: { paginated: true },
    // An open program of the organization, which plain members too may list.
    prepare: async (ctx) => {
      await openProgram(ctx);
      return {};
    },
  },
  {
    method: "POST",
    path: "/v1/programs",
    caller: "admin",
    scope: "programs:write",
    success: 201,
    body: (ctx) => ({
      name: programName(ctx),
      description: "Pairs first-years with final-year students.",
      audience: "Students",
      startsOn: "2030-09-01",
      endsOn: "2031-06-30",
      relationshipLengthDays: 180,
      rules: {},
    }),
    snapshot: allPrograms,
    invalidBodies: (ctx) => ({
      "a blank name": { name: "   " },
      "a name over 120 characters": { name: "x".repeat(121) },
      "an unknown template": { name: programName(ctx), templateKey: "no-such-template" },
      "endsOn before startsOn": {
        name: programName(ctx),
        startsOn: "2030-09-01",
        endsOn: "2030-08-31",
      },
      "a date that does not exist": { name: programName(ctx), startsOn: "2030-02-30" },
      "a relationship of 3 days": { name: programName(ctx), relationshipLengthDays: 3 },
      "rules as a list": { name: programName(ctx), rules: [] },
    }),
  },
  {
    method: "GET",
    path: "/v1/programs/{programId}",
    caller: "member",
    scope: "programs:read",
    success: 200,
    prepare: freshOpen,
  },
  {
    method: "PATCH",
    path: "/v1/programs/{programId}",
    caller: "admin",
    scope: "programs:write",
    success: 200,
    prepare: freshDraft,
    body: (ctx) => ({ name: programName(ctx), description: "Renamed for the new year." }),
    snapshot: byId,
    invalidBodies: () => ({
      "a blank name": { name: "" },
      "endsOn before startsOn": { startsOn: "2030-09-01", endsOn: "2030-01-01" },
      "a relationship over three years": { relationshipLengthDays: 2000 },
      "a date in another format": { startsOn: "01/09/2030" },
    }),
  },
  {
    method: "PUT",
    path: "/v1/programs/{programId}/rules",
    caller: "admin",
    scope: "programs:write",
    success: 200,
    prepare: freshDraft,
    body: () => ({ rules: {}, expectedVersion: 1 }),
    snapshot: byId,
    invalidBodies: () => ({
      "rules as a list": { rules: [], expectedVersion: 1 },
      "no expectedVersion": { rules: {} },
      "expectedVersion 0": { rules: {}, expectedVersion: 0 },
    }),
  },
  {
    method: "GET",
    path: "/v1/programs/{programId}/rules/versions",
    caller: "admin",
    scope: "programs:read",
    success: 200,
    prepare: freshDraft,
  },
  {
    method: "POST",
    path: "/v1/programs/{programId}/rules/preview",
    caller: "admin",
    scope: "programs:write",
    success: 200,
    prepare: freshDraft,
    body: () => ({ rules: {} }),
    snapshot: async (t) => ({ ...(await byId(t)), answered: previewsAnswered(t) }),
    invalidBodies: () => ({
      "rules as a list": { rules: [] },
      "no rules": {},
    }),
  },
  {
    method: "POST",
    path: "/v1/programs/{programId}/status",
    caller: "admin",
    scope: "programs:write",
    success: 200,
    prepare: freshDraft,
    body: () => ({ status: "open" }),
    snapshot: byId,
    invalidBodies: () => ({
      "an unknown status": { status: "archived" },
      "a status in capitals": { status: "OPEN" },
      "no status": {},
    }),
  },
  {
    method: "POST",
    path: "/v1/programs/{programId}/copy",
    caller: "admin",
    scope: "programs:write",
    success: 201,
    prepare: draftWithTraining,
    body: (ctx) => ({ name: programName(ctx) }),
    snapshot: allPrograms,
    invalidBodies: () => ({
      "a blank name": { name: " " },
      "a name over 120 characters": { name: "y".repeat(121) },
    }),
  },
];

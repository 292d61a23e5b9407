import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matches } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import {
  accessTo,
  type RecordKind,
  visibility,
} from "../../../workers/shared/src/security/visibility";
import { enrollApproved, insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { integrationClient } from "../../support/pair-fixtures";
import { insertProgram, programsOrg, sendJson } from "../../support/programs-fixtures";

// Every kind of a pair's records, written by the mentor with a marker of its own, then read
// by each seat through every route that shows it. A seat the visibility table gives "full"
// finds the marker somewhere; any other seat finds it nowhere, on any route.

let h: Harness;
let db: TenantDb;
let admin: string;
const token: Record<string, string> = {};
let base: string;
let programBase: string;
let clientToken: () => Promise<string>;
/** What the integration seat holds: every read scope of a pair's records. */
const scopesHeld = [
  "agreements:read",
  "meetings:read",
  "checkins:read",
  "goals:read",
  "concerns:read",
];

/** A celebration is made from its goal, so it carries the goal's words. */
const marker = (kind: RecordKind) => `marker-${kind === "celebration" ? "goal" : kind}-7f3a`;

beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "matrix-org"));
  for (const id of ["mentor", "mentee", "bystander"]) {
    token[id] = await h.tokenFor("matrix-org", { memberId: id, role: "member" });
  }
  // Sixty days long: forty days in, the mid-point evaluation (day 30) is due.
  const programId = await insertProgram(db, { name: "Matrix program", relationshipLengthDays: 60 });
  await enrollApproved(db, programId, "mentor", "mentor");
  await enrollApproved(db, programId, "mentee", "mentee");
  await enrollApproved(db, programId, "bystander", "mentee");
  const matchId = await insertMatchRow(db, { programId, mentorId: "mentor", menteeId: "mentee" });
  // Forty days in: the first check-in (day 30) is open.
  await db
    .update(matches)
    .set({ activatedAt: new Date(Date.now() - 40 * 86_400_000) })
    .where(eq(matches.id, matchId));
  base = `/v1/matches/${matchId}`;
  programBase = `/v1/programs/${programId}`;
  clientToken = await integrationClient(h, "matrix-org", scopesHeld, () => new Date());
  await writeEveryKind();
});
afterAll(() => h.close());

async function ok(res: Response, what: string) {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

const entries = (goals: string) => ({
  goals,
  timeCommitment: "An hour every two weeks",
  meetingFrequency: "Fortnightly",
  communication: "Chat first",
  boundaries: "No calls after nine",
});

async function writeEveryKind() {
  const as = (who: string, method: string, path: string, body?: unknown) =>
    sendJson(h, method, `${base}${path}`, token[who]!, body);
  await ok(await as("mentor", "PUT", "/agreement/mine", entries(marker("agreement"))), "agreement");
  const saved = await ok(await as("mentee", "PUT", "/agreement/mine", entries("Mine")), "mine");
  for (const who of ["mentor", "mentee"]) {
    await ok(await as(who, "POST", "/agreement/acknowledge", { version: saved.version }), who);
  }
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const meeting = await ok(
    await as("mentor", "POST", "/meetings", {
      startsAt: `${tomorrow}T18:00`,
      timeZone: "Europe/Berlin",
      durationMinutes: 45,
      format: "in_person",
      place: marker("meeting"),
    }),
    "meeting",
  );
  const notes = `/meetings/${meeting.id}`;
  await ok(await as("mentor", "PUT", `${notes}/shared-notes`, { text: marker("sharedNote") }), "s");
  await ok(
    await as("mentor", "PUT", `${notes}/private-note`, { text: marker("privateNote") }),
    "p",
  );
  await ok(
    await as("mentor", "POST", "/commitments", {
      text: marker("commitment"),
      owner: "mentor",
      dueOn: tomorrow,
    }),
    "commitment",
  );
  await ok(
    await as("mentor", "PUT", "/check-ins/1/response", {
      answers: {
        met_as_agreed: true,
        feel_heard: 4,
        goal_progress: 3,
        worth_celebrating: marker("checkInAnswers"),
        want_coordinator: false,
      },
    }),
    "check-in",
  );
  // A goal and, once achieved, its celebration carry the same words.
  const goal = await ok(await as("mentor", "POST", "/goals", { title: marker("goal") }), "goal");
  await ok(await as("mentor", "POST", `/goals/${goal.id}/achieve`, {}), "achieve");
  await ok(
    await as("mentor", "POST", "/feedback", {
      answers: { workingWell: marker("feedback"), support: "" },
    }),
    "feedback",
  );
  await ok(
    await as("mentor", "POST", "/concerns", {
      whatHappened: marker("concern"),
      urgency: "normal",
      wantsContact: false,
    }),
    "concern",
  );
  await ok(
    await as("mentor", "PUT", "/evaluations/midpoint_check", {
      answers: {
        speak_openly: 4,
        follow_through: 4,
        goal_progress: 3,
        second_half: marker("evaluation"),
      },
      submit: true,
    }),
    "evaluation",
  );
}

/** The routes on which a record of each kind can show up. */
const readRoutes: Record<RecordKind, string[]> = {
  agreement: ["/agreement", "/agreement/versions", "/timeline"],
  meeting: ["/meetings", "/timeline"],
  sharedNote: ["/meetings", "/timeline"],
  privateNote: ["/meetings", "/timeline", "/agreement"],
  commitment: ["/commitments", "/timeline"],
  checkInAnswers: ["/check-ins", "/timeline", "/v1/me/check-ins"],
  goal: ["/goals", "/celebrations", "/timeline"],
  celebration: ["/celebrations", "/goals", "/timeline"],
  feedback: ["/feedback", "/timeline"],
  concern: ["/concerns", "/timeline", "/v1/me/concerns", "/v1/programs/:program/concerns"],
  evaluation: ["/evaluations"],
};

type Seat = "author" | "partner" | "coordinator" | "integration" | "member";
const seats: Seat[] = ["author", "partner", "coordinator", "integration", "member"];

async function bearer(seat: Seat): Promise<string> {
  if (seat === "integration") return clientToken();
  if (seat === "coordinator") return admin;
  return token[{ author: "mentor", partner: "mentee", member: "bystander" }[seat]]!;
}

/** Everything this seat can read on these routes, as text (refused answers read as nothing). */
async function whatSeatReads(seat: Seat, routes: string[]): Promise<string> {
  const texts: string[] = [];
  for (const route of routes) {
    const path = route.startsWith("/v1/programs/:program")
      ? route.replace("/v1/programs/:program", programBase)
      : route.startsWith("/v1/")
        ? route
        : `${base}${route}`;
    const res = await h.request(path, { token: await bearer(seat), headers: readReason(seat) });
    texts.push(res.ok ? await res.text() : "");
  }
  // A meeting's own page holds its notes: read each listed meeting too.
  if (routes.includes("/meetings")) {
    const list = await h.request(`${base}/meetings`, { token: await bearer(seat) });
    if (list.ok) {
      for (const m of ((await list.json()) as { items: { id: string }[] }).items) {
        const one = await h.request(`${base}/meetings/${m.id}`, { token: await bearer(seat) });
        texts.push(one.ok ? await one.text() : "");
      }
    }
  }
  return texts.join("\n");
}

/** Coordinators and integrations say why they open a pair's confidential records. */
const readReason = (seat: Seat): Record<string, string> =>
  seat === "coordinator" || seat === "integration" ? { "read-reason": "concern_follow_up" } : {};

function expected(kind: RecordKind, seat: Seat): boolean {
  const rule = visibility[kind];
  if (seat === "integration") return accessTo(kind, { scopes: scopesHeld }) === "full";
  return rule[seat] === "full";
}

describe("who can read each kind of a pair's records, as the visibility table says", () => {
  for (const kind of Object.keys(visibility) as RecordKind[]) {
    for (const seat of seats) {
      const can = expected(kind, seat);
      it(`${kind} × ${seat} → ${can ? "can" : "cannot"} read`, async () => {
        const text = await whatSeatReads(seat, readRoutes[kind]);
        expect(text.includes(marker(kind))).toBe(can);
      });
    }
  }
});

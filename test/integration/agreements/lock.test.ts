import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matches } from "../../../db/tenant/schema";
import { requireAgreement } from "../../../workers/api/src/features/agreements";
import type { Pair, PairSeat } from "../../../workers/api/src/features/pairs";
import { findProgram } from "../../../workers/api/src/features/programs";
import { AppError } from "../../../workers/shared/src/contracts/common/errors";
import { newPair, type PairOrg, pairOrg, part } from "../../support/agreement-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { sendJson } from "../../support/programs-fixtures";

// The lock: where a program requires the agreement, the pair's commitments, check-ins, goals
// and feedback wait until both acknowledged its latest version. The records' own routes call
// `requireAgreement`; here it is held to the agreement the routes above write.
let h: Harness;
let org: PairOrg;

beforeAll(async () => {
  h = await startHarness();
  org = await pairOrg(h, "lock-org");
});
afterAll(() => h.close());

async function pairAs(matchId: string, seat: PairSeat, actorId: string): Promise<Pair> {
  const [match] = await org.db.select().from(matches).where(eq(matches.id, matchId));
  const program = await findProgram(org.db, match!.programId);
  return { match: match!, program, mentorId: "mia", menteeId: "tom", seat, actorId };
}

/** The problem requireAgreement raises for this seat, or null when it lets the write through. */
async function lockFor(matchId: string, seat: PairSeat = "mentee", actorId = "tom") {
  try {
    await requireAgreement(org.db, await pairAs(matchId, seat, actorId));
    return null;
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, detail: err.message };
    throw err;
  }
}

const agreement = (matchId: string) => `/v1/matches/${matchId}/agreement`;

describe("where the program requires the agreement", () => {
  it("holds the pair's writes at 409 until both acknowledged the latest version", async () => {
    const { matchId } = await newPair(org.db);
    const locked = await lockFor(matchId);
    expect(locked?.status).toBe(409);
    expect(locked?.detail).toContain("acknowledge your mentoring agreement");

    await sendJson(h, "PUT", `${agreement(matchId)}/mine`, org.token.tom, part({ goals: "Speak" }));
    await sendJson(h, "POST", `${agreement(matchId)}/acknowledge`, org.token.tom, { version: 1 });
    expect((await lockFor(matchId))?.status).toBe(409);
    expect((await lockFor(matchId, "mentor", "mia"))?.status).toBe(409);

    await sendJson(h, "POST", `${agreement(matchId)}/acknowledge`, org.token.mia, { version: 1 });
    expect(await lockFor(matchId)).toBeNull();
    expect(await lockFor(matchId, "mentor", "mia")).toBeNull();

    // A new version locks again until both acknowledged it.
    await sendJson(
      h,
      "PUT",
      `${agreement(matchId)}/mine`,
      org.token.mia,
      part({ goals: "Listen" }),
    );
    expect((await lockFor(matchId))?.status).toBe(409);
  });

  it("never holds coordinators or integrations, who only read", async () => {
    const { matchId } = await newPair(org.db);
    expect(await lockFor(matchId, "coordinator", "coord")).toBeNull();
    expect(await lockFor(matchId, "integration", "client-1")).toBeNull();
  });
});

describe("where the program leaves it optional", () => {
  it("lets the pair's writes through before anything is agreed", async () => {
    const { matchId } = await newPair(org.db, { agreement: { required: false } });
    expect(await lockFor(matchId)).toBeNull();
    const view = await sendJson(h, "GET", agreement(matchId), org.token.tom);
    expect(await view.json()).toMatchObject({ required: false, version: 0 });
  });
});

import type { Page } from "../../../../workers/shared/src/contracts/common/pagination";
import type { MatchView } from "../../../../workers/shared/src/contracts/matches";
import type { MeView } from "../../../../workers/shared/src/contracts/me";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api, query } from "../../lib/api";
import { ApiError } from "../../lib/problem";
import { programApi } from "../programs/common";
import { type Pair, pairOf } from "./common";

const notFound = () =>
  new ApiError(404, "not_found", "There is no match at this address that you can open.");

/** A coordinator's way in: the program named in the link, or else each program they run. */
async function coordinatorsMatch(matchId: string, programHint: string | null) {
  const programIds = programHint
    ? [programHint]
    : (await api<Page<ProgramView>>(`/v1/programs${query({ limit: 100 })}`)).items.map((p) => p.id);
  for (const programId of programIds) {
    try {
      return await api<MatchView>(programApi(programId, `/matches/${encodeURIComponent(matchId)}`));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
    }
  }
  return null;
}

/** The match, its program and the viewer's seat in it: a pair member's own, or a coordinator's. */
export async function loadPair(matchId: string, programHint: string | null, me: MeView) {
  const mine = await api<{ items: MatchView[] }>("/v1/me/matches");
  const match =
    mine.items.find((m) => m.id === matchId) ??
    (me.role === "admin" ? await coordinatorsMatch(matchId, programHint) : null);
  if (!match) throw notFound();
  const program = await api<ProgramView>(programApi(match.programId));
  return pairOf(match, program, me) satisfies Pair;
}

import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship";
import type { Pair } from "../relationship/common";
import { PairEvaluations } from "./Evaluations";
import { HealthPanel } from "./Health";
import { PairConcerns } from "./PairConcerns";
import { SupportLogSection } from "./SupportLog";

/** What a coordinator sees above the pair's workspace: health, support log, concerns, evaluations. */
export function CoordinatorCare({
  pair,
  reason,
  version,
}: {
  pair: Pair;
  reason: ReadReason;
  version: number;
}) {
  return (
    <>
      <HealthPanel matchId={pair.match.id} version={version} coordinator />
      <PairConcerns pair={pair} reason={reason} />
      <SupportLogSection pair={pair} />
      <PairEvaluations pair={pair} reason={reason} />
    </>
  );
}

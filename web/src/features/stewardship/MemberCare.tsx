import type { Pair } from "../relationship/common";
import { ClosureSection } from "./Closure";
import { MyEvaluations } from "./Evaluations";
import { HealthPanel } from "./Health";
import { MyConcerns } from "./MyConcerns";
import { RecordReads } from "./RecordReads";

/** A pair member's side of stewardship in the workspace, below the relationship's sections. */
export function MemberCare(props: { pair: Pair; version: number; onClosed: (m: string) => void }) {
  const { pair, version, onClosed } = props;
  return (
    <>
      <HealthPanel matchId={pair.match.id} version={version} coordinator={false} />
      <MyConcerns matchId={pair.match.id} version={version} />
      <MyEvaluations pair={pair} version={version} />
      <ClosureSection pair={pair} onClosed={onClosed} />
      <RecordReads matchId={pair.match.id} version={version} />
    </>
  );
}

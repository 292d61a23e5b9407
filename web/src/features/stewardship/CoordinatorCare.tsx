import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import type { Pair } from "../relationship/common";
import { Section } from "../relationship/fields";
import { PairEvaluations } from "./Evaluations";
import { HealthPanel } from "./Health";
import { PairConcerns } from "./PairConcerns";
import { SupportLogSection } from "./SupportLog";

/** A confidential section before the coordinator has said why they read it. */
function Waiting({ id, title }: { id: string; title: string }) {
  return (
    <Section id={id} title={title}>
      <p class="card note">Choose why you are opening this pair's records, above, to read them.</p>
    </Section>
  );
}

/**
 * What a coordinator sees above the pair's workspace: health and the support log at once;
 * concerns and evaluations once they have chosen a reason.
 */
export function CoordinatorCare(props: { pair: Pair; reason: ReadReason | null; version: number }) {
  const { pair, reason, version } = props;
  return (
    <>
      <HealthPanel matchId={pair.match.id} version={version} coordinator />
      {reason ? (
        <PairConcerns pair={pair} reason={reason} />
      ) : (
        <Waiting id="concerns" title="Concerns" />
      )}
      <SupportLogSection pair={pair} />
      {reason ? (
        <PairEvaluations pair={pair} reason={reason} />
      ) : (
        <Waiting id="evaluations" title="Evaluations" />
      )}
    </>
  );
}

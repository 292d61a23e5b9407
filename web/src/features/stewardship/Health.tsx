import "./stewardship.css";
import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { ErrorMessage, Loading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { pairApi } from "../relationship/common";
import { Section } from "../relationship/fields";
import { pairRead } from "./api";
import type { HealthView } from "./shapes";
import { healthWords } from "./words";

/** How the match is going: coordinators get every reason, the pair the gentle words only. */
export function HealthPanel(props: {
  matchId: string;
  version: number;
  coordinator: boolean;
  reason?: ReadReason | null;
}) {
  const { matchId, version, coordinator, reason } = props;
  const loaded = useLoad(
    () => pairRead<HealthView>(pairApi(matchId, "/health"), reason),
    [matchId, version, reason],
  );
  const health = loaded.data;
  const reasons = (health?.reasons ?? []).map((r) => r.text).filter(Boolean);
  if (!coordinator && (!health || health.level === "healthy" || reasons.length === 0)) return null;
  return (
    <Section id="health" title={coordinator ? "How this match is going" : "A gentle nudge"}>
      <ErrorMessage message={loaded.error} />
      {!health && loaded.loading && <Loading label="Loading the match's health…" />}
      {health && coordinator && (
        <p>
          <span class={`badge health-${health.level}`}>{healthWords[health.level]}</span>
        </p>
      )}
      {reasons.length > 0 ? (
        <ul aria-label={coordinator ? "Reasons" : "Worth a look"}>
          {reasons.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : (
        health && <p class="small">Nothing stands out.</p>
      )}
    </Section>
  );
}

import { useState } from "preact/hooks";
import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { EmptyState, ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { focusById, type Pair, pairApi } from "../relationship/common";
import { Section } from "../relationship/fields";
import { pairRead } from "./api";
import { ConcernItem } from "./ConcernItem";
import type { ConcernList } from "./shapes";

/** The pair's concerns for a coordinator, open and urgent first, with their handling. */
export function PairConcerns({ pair, reason }: { pair: Pair; reason: ReadReason }) {
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(
    () => pairRead<ConcernList>(pairApi(pair.match.id, "/concerns"), reason),
    [pair.match.id, reason],
  );
  const concerns = loaded.data?.items ?? null;
  const onChanged = (text: string) => {
    setMessage(text);
    loaded.reload();
    focusById("concerns-t");
  };
  return (
    <Section id="concerns" title="Concerns">
      <StatusMessage message={message} />
      <ErrorMessage message={loaded.error} />
      {!concerns ? (
        loaded.loading && <Loading label="Loading concerns…" />
      ) : concerns.length === 0 ? (
        <EmptyState>No concern has been raised about this match.</EmptyState>
      ) : (
        <ul class="list-items" aria-label="Concerns, open first">
          {concerns.map((c) => (
            <ConcernItem key={c.id} pair={pair} concern={c} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </Section>
  );
}

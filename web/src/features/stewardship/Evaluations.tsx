import { useState } from "preact/hooks";
import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { api } from "../../lib/api";
import { EmptyState, ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { focusById, nameIn, type Pair, pairApi } from "../relationship/common";
import { Section } from "../relationship/fields";
import { pairRead } from "./api";
import { EvaluationForm } from "./EvaluationForm";
import type { MyEvaluations as Due, MatchEvaluations } from "./shapes";
import { idWords as words } from "./words";

/** The member's evaluations due for this match, as forms; a submitted one leaves the list. */
export function MyEvaluations({ pair, version }: { pair: Pair; version: number }) {
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(() => api<Due>("/v1/me/evaluations"), [pair.match.id, version]);
  const due = loaded.data ? loaded.data.items.filter((e) => e.matchId === pair.match.id) : [];
  if (!loaded.error && due.length === 0 && !message) return null;
  return (
    <Section id="evaluations" title="Evaluations">
      <p class="small">
        Your answers go to the program's coordinators, never to your partner. Save a draft and come
        back; once submitted they cannot change.
      </p>
      <StatusMessage message={message} />
      <ErrorMessage message={loaded.error} />
      {due.map((e) => (
        <EvaluationForm
          key={e.evaluationId}
          due={e}
          onSaved={(text) => {
            setMessage(text);
            loaded.reload();
            focusById("evaluations-t");
          }}
        />
      ))}
    </Section>
  );
}

/** For a coordinator: each person's evaluations of this match and their answers. */
export function PairEvaluations({ pair, reason }: { pair: Pair; reason: ReadReason }) {
  const loaded = useLoad(
    () => pairRead<MatchEvaluations>(pairApi(pair.match.id, "/evaluations"), reason),
    [pair.match.id, reason],
  );
  const items = loaded.data?.items ?? null;
  return (
    <Section id="evaluations" title="Evaluations">
      <ErrorMessage message={loaded.error} />
      {!items ? (
        loaded.loading && <Loading label="Loading evaluations…" />
      ) : items.length === 0 ? (
        <EmptyState>No evaluation has been answered yet.</EmptyState>
      ) : (
        <ul class="list-items" aria-label="Evaluations">
          {items.map((r) => (
            <li key={`${r.evaluationId}-${r.memberId}`} class="list-item">
              <strong>
                {words(r.evaluationId)} · {nameIn(pair, r.memberId)}
              </strong>{" "}
              <span class="small">· {r.status === "submitted" ? "submitted" : "draft"}</span>
              {r.answers && (
                <dl class="facts small">
                  {Object.entries(r.answers).map(([q, a]) => (
                    <div key={q}>
                      <dt>{words(q)}</dt>
                      <dd>{String(a)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

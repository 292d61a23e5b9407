import { useEffect, useState } from "preact/hooks";
import {
  type MyChoicesView,
  maxMatchChoices,
  type SuggestionList,
} from "../../../../workers/shared/src/contracts/matches";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useActiveSession } from "../../lib/session-context";
import { ErrorMessage, Loading, PageHeading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { Reasons } from "../matching/Reasons";
import { formatScore, scoreScale } from "../matching/words";
import { programApi } from "../programs/common";
import { ChoiceDraft } from "./ChoiceDraft";
import { myMatchingPath, myProgramApi } from "./common";
import { MyRequests } from "./MyRequests";

type Loaded = { program: ProgramView; choices: MyChoicesView; suggestions: SuggestionList };
/** Choices still in play: while one is, the mentee cannot start over without withdrawing. */
const inPlay = new Set(["waiting", "proposed", "pending_acceptance", "active"]);

/** A mentee's ranked, explained mentor suggestions, and up to three choices in order. */
export function ChooseMentors({ programId }: { programId: string }) {
  const { slug } = useActiveSession();
  const loaded = useLoad<Loaded | ProgramView>(async () => {
    const program = await api<ProgramView>(programApi(programId));
    if (program.rules.matching.mode !== "mentee_chooses") return program;
    const [choices, suggestions] = await Promise.all([
      api<MyChoicesView>(myProgramApi(programId, "/choices")),
      api<SuggestionList>(myProgramApi(programId, "/suggestions")),
    ]);
    return { program, choices, suggestions };
  }, [programId]);
  const [draft, setDraft] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [focusRequests, setFocusRequests] = useState(false);
  const data = loaded.data && "choices" in loaded.data ? loaded.data : null;

  useEffect(() => {
    if (!focusRequests || !data) return;
    setFocusRequests(false);
    // After a withdrawal there are no requests left: the suggestions come next.
    (document.getElementById("requests-t") ?? document.getElementById("suggestions-t"))?.focus();
  }, [focusRequests, data]);

  const back = (
    <p class="breadcrumb">
      <a href={myMatchingPath(slug)}>My matches</a>
    </p>
  );
  if (!data) {
    const program = loaded.data && !("choices" in loaded.data) ? loaded.data : null;
    return (
      <>
        {back}
        <PageHeading title="Choose your mentors">Choose your mentors</PageHeading>
        {loaded.loading ? (
          <Loading label="Loading your suggestions…" />
        ) : program ? (
          <p class="card">In {program.name} the coordinators make the matches.</p>
        ) : (
          <ErrorMessage message={loaded.error} />
        )}
      </>
    );
  }
  const { program, choices, suggestions } = data;
  const editable = !choices.choices.some((c) => inPlay.has(c.status));
  const nameOf = (id: string) =>
    suggestions.items.find((s) => s.memberId === id)?.displayName ?? id;
  const changed = (next: MyChoicesView, message: string) => {
    loaded.setData((d) => (d && "choices" in d ? { ...d, choices: next } : d));
    setNote(message);
    setDraft([]);
    setFocusRequests(true);
    loaded.reload();
  };

  return (
    <>
      {back}
      <PageHeading title={`Choose your mentors · ${program.name}`}>Choose your mentors</PageHeading>
      <p class="lead">
        {program.name}: choose up to {maxMatchChoices} mentors, in order. Your first choice is asked
        first; if they decline or do not answer in time, your next choice is asked.
      </p>
      <p class="small muted">{scoreScale}</p>
      <StatusMessage message={note} />
      <ErrorMessage message={loaded.error} />
      <MyRequests programId={programId} choices={choices} onChange={changed} />
      {editable && (
        <div class="grid-2 wide-first">
          <section class="card" aria-labelledby="suggestions-t">
            <h2 id="suggestions-t" tabIndex={-1}>
              Suggested mentors
            </h2>
            {suggestions.items.length === 0 ? (
              <p class="muted">No mentor can be suggested to you right now.</p>
            ) : (
              <ol class="application-list" aria-label="Suggested mentors, best first">
                {suggestions.items.map((s) => {
                  const rank = draft.indexOf(s.memberId);
                  const full = draft.length >= maxMatchChoices;
                  return (
                    <li key={s.memberId} class="card application">
                      <h3>{s.displayName}</h3>
                      <p class="small">
                        Score {formatScore(s.score)}
                        {s.openPlaces === 0 && " · has no open place right now"}
                      </p>
                      <Reasons reasons={s.reasons} label={`Why ${s.displayName} suits you`} />
                      <button
                        type="button"
                        class={rank >= 0 ? "button small" : "button small primary"}
                        disabled={rank < 0 && (full || s.openPlaces === 0)}
                        onClick={() =>
                          setDraft((d) =>
                            rank >= 0 ? d.filter((id) => id !== s.memberId) : [...d, s.memberId],
                          )
                        }
                      >
                        {rank >= 0
                          ? `Remove ${s.displayName} (choice ${rank + 1})`
                          : `Choose ${s.displayName}`}
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
          <ChoiceDraft
            programId={programId}
            draft={draft}
            nameOf={nameOf}
            onDraft={setDraft}
            onSent={(next) => {
              const first = next.choices.find((c) => c.status === "pending_acceptance");
              const until = first?.expiresAt
                ? ` They have until ${formatDateTime(first.expiresAt)} to answer.`
                : "";
              changed(
                next,
                `Your request went to ${first?.mentor.displayName ?? nameOf(draft[0]!)}.${until}`,
              );
            }}
          />
        </div>
      )}
    </>
  );
}

import { useState } from "preact/hooks";
import type {
  MatchingBoard,
  SuggestionList,
  SuggestionView,
} from "../../../../workers/shared/src/contracts/matches";
import { api, query } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { ConfirmDialog, EmptyState, ErrorMessage } from "../../ui/feedback";
import { useConfirm } from "../../ui/use-confirm";
import { programApi } from "../programs/common";
import { PinButtons } from "./Pins";
import { Reasons } from "./Reasons";
import { formatScore, matchingApi } from "./words";

type Mentee = MatchingBoard["unmatchedMentees"][number];
type Pair = { mentee: Mentee; mentor: SuggestionView };

interface Props {
  programId: string;
  board: MatchingBoard;
  onChange: (message: string) => void;
}

/** Mentees without a mentor, each with their best candidates: match by hand, pin or forbid. */
export function Candidates({ programId, board, onChange }: Props) {
  const making = useConfirm<Pair>();
  const make = () =>
    making.run(async ({ mentee, mentor }) => {
      await api(programApi(programId, "/matches"), {
        method: "POST",
        body: { mentorId: mentor.memberId, menteeId: mentee.memberId },
      });
      document.getElementById("unmatched-t")?.focus();
      onChange(
        `${mentor.displayName} and ${mentee.displayName} are matched. Both have been sent a welcome email.`,
      );
    });
  const { asking } = making;

  return (
    <section class="card" aria-labelledby="unmatched-t">
      <h2 id="unmatched-t" tabIndex={-1}>
        Mentees without a mentor
      </h2>
      {board.unmatchedMentees.length === 0 ? (
        <EmptyState>Every eligible mentee has a mentor or a pending request.</EmptyState>
      ) : (
        <ul class="application-list">
          {board.unmatchedMentees.map((mentee) => (
            <MenteeCandidates
              key={mentee.memberId}
              programId={programId}
              mentee={mentee}
              onMake={(mentor) => making.ask({ mentee, mentor })}
              onChange={onChange}
            />
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title={`Match ${asking.mentor.displayName} with ${asking.mentee.displayName}?`}
          confirmLabel="Make the match"
          busy={making.busy}
          error={making.error}
          onConfirm={make}
          onCancel={making.cancel}
        >
          <p>
            The match starts now: {asking.mentor.displayName} mentors {asking.mentee.displayName},
            and both receive a welcome email.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function MenteeCandidates(props: {
  programId: string;
  mentee: Mentee;
  onMake: (mentor: SuggestionView) => void;
  onChange: (message: string) => void;
}) {
  const { programId, mentee, onMake, onChange } = props;
  const [more, setMore] = useState<SuggestionList | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = more?.items ?? mentee.best;
  const headingId = `mentee-${mentee.memberId}`;

  const showAll = async () => {
    setLoading(true);
    setError(null);
    try {
      const path = matchingApi(programId, `/suggestions${query({ memberId: mentee.memberId })}`);
      setMore(await api<SuggestionList>(path));
      document.getElementById(headingId)?.focus();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <li class="card application">
      <h3 id={headingId} tabIndex={-1}>
        {mentee.displayName}
      </h3>
      {mentee.waitingUntil && (
        <p class="small note">
          Can be matched again from {formatDate(mentee.waitingUntil)} (after their last match
          ended).
        </p>
      )}
      {candidates.length === 0 ? (
        <p class="small muted">No mentor can be matched with {mentee.displayName} now.</p>
      ) : (
        <ol class="training-list" aria-label={`Best mentors for ${mentee.displayName}`}>
          {candidates.map((mentor) => (
            <li key={mentor.memberId}>
              <strong>{mentor.displayName}</strong>{" "}
              <span class="small">
                score {formatScore(mentor.score)}
                {mentor.openPlaces !== null &&
                  ` · ${mentor.openPlaces === 0 ? "no open place" : `${mentor.openPlaces} open`}`}
              </span>
              <Reasons
                reasons={mentor.reasons}
                label={`Why ${mentor.displayName} suits ${mentee.displayName}`}
              />
              <div class="row-actions">
                <button
                  type="button"
                  class="button small primary"
                  disabled={mentor.openPlaces === 0}
                  onClick={() => onMake(mentor)}
                >
                  Match<span class="visually-hidden"> {mentee.displayName}</span>
                  {" with "}
                  {mentor.displayName}
                </button>
                <PinButtons
                  programId={programId}
                  mentor={mentor}
                  mentee={mentee}
                  onChange={onChange}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      {more && more.excluded.length > 0 && (
        <>
          <h4 class="small">Never matched with {mentee.displayName}</h4>
          <ul class="small">
            {more.excluded.map((x) => (
              <li key={x.memberId}>
                {x.displayName}: {x.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorMessage message={error} />
      {!more && (
        <button type="button" class="button small" disabled={loading} onClick={showAll}>
          {loading ? "Loading…" : "Show all candidates"}
          <span class="visually-hidden"> for {mentee.displayName}</span>
        </button>
      )}
    </li>
  );
}

import { useState } from "preact/hooks";
import type { MatchingBoard as Board } from "../../../../workers/shared/src/contracts/matches";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { ActiveMatches } from "./ActiveMatches";
import { Candidates } from "./Candidates";
import { Capacity, NotEligible } from "./Capacity";
import { MenteeChoices } from "./MenteeChoices";
import { Pins } from "./Pins";
import { RunPanel } from "./RunPanel";
import { matchingApi, scoreScale } from "./words";

const modeWords = {
  coordinator:
    "Coordinators make the matches: by hand from the suggestions, or by running matching and approving its proposals.",
  automatic:
    "Matching runs when you ask for it here; nothing is matched until you approve the proposals.",
  mentee_chooses:
    "Mentees choose up to three mentors in order; each mentor accepts or declines. You can also resolve all choices at once.",
} as const;

/**
 * A program's matching for its coordinators: who is still unmatched and their best
 * candidates, mentors' places, assignment runs to review and approve, pins, active matches.
 */
export function MatchingBoard({ program }: { program: ProgramView }) {
  const board = useLoad(() => api<Board>(matchingApi(program.id, "/board")), [program.id]);
  // Bumped after anything that can start or end a match, so the active list follows.
  const [changes, setChanges] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const changed = (message?: string) => {
    if (message) setNote(message);
    setChanges((n) => n + 1);
    board.reload();
  };
  const data = board.data;

  if (!data) {
    return board.loading ? (
      <Loading label="Loading the matching board…" />
    ) : (
      <ErrorMessage message={board.error} />
    );
  }
  return (
    <>
      <p class="lead small">
        {modeWords[data.mode]} {scoreScale}
      </p>
      <ErrorMessage message={board.error} />
      <StatusMessage message={note} />
      <RunPanel
        programId={program.id}
        openRunId={data.openRunId}
        stable={data.mode === "mentee_chooses"}
        onChange={changed}
      />
      <div class="grid-2 wide-first">
        <Candidates programId={program.id} board={data} onChange={changed} />
        <div class="stack">
          <Capacity board={data} />
          {data.mode === "mentee_chooses" && (
            <MenteeChoices programId={program.id} version={changes} />
          )}
          <NotEligible board={data} />
          <Pins programId={program.id} pins={data.pins} onChange={changed} />
        </div>
      </div>
      <ActiveMatches programId={program.id} version={changes} onChange={changed} />
    </>
  );
}

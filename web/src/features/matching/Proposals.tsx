import { useState } from "preact/hooks";
import type { MatchRunView } from "../../../../workers/shared/src/contracts/matches";
import { api } from "../../lib/api";
import { count } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { EmptyState, ErrorMessage, StatusMessage } from "../../ui/feedback";
import { PinButtons } from "./Pins";
import { MatchStatusBadge, Reasons } from "./Reasons";
import { formatScore, matchingApi, menteeOf, mentorOf, pairName } from "./words";

interface Props {
  programId: string;
  run: MatchRunView;
  /** The run as the API answered an action. */
  onRun: (run: MatchRunView) => void;
  onPin: (message: string) => void;
}

/** A run's proposals: select two to swap their mentors, approve some or all, pin or forbid. */
export function Proposals({ programId, run, onRun, onPin }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const open = run.proposals.filter((p) => p.status === "proposed");
  const chosen = selected.filter((id) => open.some((p) => p.id === id));

  const act = async (
    verb: "swap" | "approve",
    body: unknown,
    done: (r: MatchRunView) => string,
  ) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const path = matchingApi(programId, `/runs/${encodeURIComponent(run.id)}/${verb}`);
      const next = await api<MatchRunView>(path, { method: "POST", body });
      setSelected([]);
      const message = done(next);
      setNote(message);
      onRun(next);
      document.getElementById("run-t")?.focus();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const swap = () => {
    const [a, b] = chosen.map((id) => open.find((p) => p.id === id)!);
    void act("swap", { matchIds: chosen }, () => {
      return `Swapped the mentors of ${pairName(a!)} and ${pairName(b!)}.`;
    });
  };
  const approve = (ids?: string[]) => {
    const approved = ids?.length ?? open.length;
    void act("approve", ids ? { matchIds: ids } : {}, () => {
      const left = ids ? open.length - approved : 0;
      return `Approved ${count(approved, "match", "matches")}; welcome emails are on their way.${
        left > 0 ? ` ${count(left, "proposal")} still open.` : ""
      }`;
    });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));

  return (
    <>
      <StatusMessage message={note} />
      {run.proposals.length === 0 ? (
        <EmptyState>This run proposes no pairs.</EmptyState>
      ) : (
        <ul class="training-list" aria-label="Proposed pairs">
          {run.proposals.map((p) => {
            const mentor = mentorOf(p);
            const mentee = menteeOf(p);
            const name = pairName(p);
            return (
              <li key={p.id}>
                {p.status === "proposed" ? (
                  <label class="radio">
                    <input
                      type="checkbox"
                      checked={chosen.includes(p.id)}
                      onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                    />{" "}
                    <strong>{mentor?.displayName}</strong> mentors{" "}
                    <strong>{mentee?.displayName}</strong>
                  </label>
                ) : (
                  <span>
                    <strong>{mentor?.displayName}</strong> mentors{" "}
                    <strong>{mentee?.displayName}</strong>
                  </span>
                )}{" "}
                <span class="small">score {formatScore(p.score)}</span>{" "}
                <MatchStatusBadge status={p.status} />
                <Reasons reasons={p.reasons} label={`Why ${name} fit`} />
                {p.status === "proposed" && mentor && mentee && (
                  <div class="row-actions">
                    <PinButtons
                      programId={programId}
                      mentor={mentor}
                      mentee={mentee}
                      onChange={onPin}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {open.length > 0 && (
        <p class="small muted">
          Select two proposals to swap their mentors, or some to approve only those. Approving is
          all or nothing: if one pair can no longer be matched, none is, and you are told why.
        </p>
      )}
      {open.length > 0 && (
        <div class="form-actions">
          <button
            type="button"
            class="button"
            disabled={busy || chosen.length !== 2}
            onClick={swap}
          >
            Swap the mentors of the 2 selected
          </button>
          <button
            type="button"
            class="button"
            disabled={busy || chosen.length === 0}
            onClick={() => approve(chosen)}
          >
            Approve the selected ({chosen.length})
          </button>
          <button type="button" class="button primary" disabled={busy} onClick={() => approve()}>
            {busy ? "Working…" : `Approve all ${open.length}`}
          </button>
        </div>
      )}
      <ErrorMessage message={error} />
    </>
  );
}

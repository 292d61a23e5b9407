import { useEffect, useRef, useState } from "preact/hooks";
import type { MatchRunView } from "../../../../workers/shared/src/contracts/matches";
import { api } from "../../lib/api";
import { count } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { ConfirmDialog, ErrorMessage, FormActions, Loading } from "../../ui/feedback";
import { RadioGroup } from "../../ui/fields";
import { useConfirm } from "../../ui/use-confirm";
import { useLoad } from "../../ui/use-load";
import { programApi } from "../programs/common";
import { Proposals } from "./Proposals";
import { formatScore, matchingApi, objectiveLabel } from "./words";

type Objective = "total" | "balanced";
const objectives = [
  ["total", "Best total: match as many people as possible, then the highest total score"],
  ["balanced", "Balanced: raise the lowest score first, so no pair is a poor fit"],
] as const;

const runStatusWords = {
  open: "Waiting for your approval",
  approved: "Approved: these pairs are matched",
  discarded: "Discarded",
} as const;

interface Props {
  programId: string;
  openRunId: string | null;
  /** mentee_chooses programs can also resolve every mentee's choices in one stable run. */
  stable: boolean;
  onChange: (message?: string) => void;
}

/** Running matching, and the open run's proposals to review, adjust and approve. */
export function RunPanel({ programId, openRunId, stable, onChange }: Props) {
  // The run last acted on stays in view once approved (it is then no longer the open run), so
  // the coordinator sees what was approved and keeps their place.
  const lastRun = useRef<MatchRunView | null>(null);
  const run = useLoad(
    () =>
      openRunId
        ? api<MatchRunView>(matchingApi(programId, `/runs/${encodeURIComponent(openRunId)}`))
        : Promise.resolve(lastRun.current),
    [programId, openRunId],
  );
  const show = (next: MatchRunView | null) => {
    lastRun.current = next;
    run.setData(() => next);
  };
  const [objective, setObjective] = useState<Objective>("total");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After a new run the focus goes to its results, so a keyboard user lands on what changed.
  const [focusResults, setFocusResults] = useState(false);
  const discarding = useConfirm<MatchRunView>();

  useEffect(() => {
    if (!focusResults || !run.data) return;
    setFocusResults(false);
    document.getElementById("run-t")?.focus();
  }, [focusResults, run.data]);

  const start = async (path: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const started = await api<MatchRunView>(path, { method: "POST", body });
      show(started);
      setFocusResults(true);
      onChange();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const discard = () =>
    discarding.run(async (current) => {
      await api(matchingApi(programId, `/runs/${encodeURIComponent(current.id)}/discard`), {
        method: "POST",
      });
      show(null);
      document.getElementById("run-start-t")?.focus();
      onChange("The run was discarded; its proposals are withdrawn.");
    });

  const current = run.data;
  return (
    <section class="card" aria-labelledby="run-start-t">
      <h2 id="run-start-t" tabIndex={-1}>
        Run matching
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start(matchingApi(programId, "/runs"), { objective });
        }}
      >
        <RadioGroup
          legend="What matters most"
          name="objective"
          value={objective}
          onValue={setObjective}
          options={objectives}
        />
        <p class="small muted">
          A run only proposes pairs. Nobody is matched or told anything until you approve.
          {current && " Running again replaces the open run's proposals."}
        </p>
        <FormActions>
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? "Running…" : "Run matching"}
          </button>
          {stable && (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => start(programApi(programId, "/match-requests/stable"))}
            >
              Resolve mentees' choices at once
            </button>
          )}
        </FormActions>
        <ErrorMessage message={error} />
      </form>
      {run.loading && !current && openRunId && <Loading label="Loading the open run…" />}
      {!current && run.error && <ErrorMessage message={run.error} />}
      {current && (
        <div class="inline-form">
          <h3 id="run-t" tabIndex={-1}>
            Proposals ({objectiveLabel[current.objective]})
          </h3>
          <dl class="facts">
            <dt>Status</dt>
            <dd>{runStatusWords[current.status]}</dd>
            <dt>Pairs proposed</dt>
            <dd>{current.proposals.length}</dd>
            <dt>Total score</dt>
            <dd>{formatScore(current.total)}</dd>
            <dt>Lowest score</dt>
            <dd>{formatScore(current.lowest)}</dd>
            <dt>Left unmatched</dt>
            <dd>{count(current.unmatched.length, "person", "people")}</dd>
          </dl>
          <Proposals
            programId={programId}
            run={current}
            onRun={(next) => {
              show(next);
              onChange();
            }}
            onPin={onChange}
          />
          {current.unmatched.length > 0 && (
            <>
              <h4>Left unmatched by this run</h4>
              <ul class="small">
                {current.unmatched.map((p) => (
                  <li key={p.memberId}>
                    <strong>{p.displayName}</strong> ({p.role}): {p.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {current.status === "open" && (
            <button
              type="button"
              class="button small danger"
              onClick={() => discarding.ask(current)}
            >
              Discard this run
            </button>
          )}
        </div>
      )}
      {discarding.asking && (
        <ConfirmDialog
          title="Discard this run?"
          confirmLabel="Discard"
          danger
          busy={discarding.busy}
          error={discarding.error}
          onConfirm={discard}
          onCancel={discarding.cancel}
        >
          <p>Its proposals that are not approved yet are withdrawn. Approved matches stay.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

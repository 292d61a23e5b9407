import { useState } from "preact/hooks";
import type { ProgramStatus } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { ConfirmDialog, StatusMessage } from "../../ui/feedback";
import { programApi } from "./common";
import type { ProgramProps } from "./ProgramPage";

interface Step {
  to: ProgramStatus;
  label: string;
  title: string;
  body: string;
  done: string;
  danger?: boolean;
}

const steps: Record<string, Step> = {
  open: {
    to: "open",
    label: "Open applications",
    title: "Open applications?",
    body: "Members can see the program and apply as mentors or mentees.",
    done: "Applications are open.",
  },
  running: {
    to: "running",
    label: "Start program",
    title: "Start the program?",
    body:
      "The program starts running with the members approved so far. " +
      "New applications are no longer taken; you can still enroll members directly.",
    done: "The program is running.",
  },
  draft: {
    to: "draft",
    label: "Back to draft",
    title: "Move the program back to draft?",
    body: "Members can no longer see it or apply. Applications already made are kept.",
    done: "The program is a draft again.",
  },
  closed: {
    to: "closed",
    label: "Close program",
    title: "Close the program?",
    body:
      "Closing ends the program for everyone: no more applications or enrollments. " +
      "It can't be reopened.",
    done: "The program is closed.",
    danger: true,
  },
};

/** Which moves each status allows, in the order the buttons appear. */
const allowed: Record<ProgramStatus, ProgramStatus[]> = {
  draft: ["open", "closed"],
  open: ["running", "draft", "closed"],
  running: ["closed"],
  closed: [],
};

/** The program's lifecycle buttons: only the moves its status allows, each confirmed. */
export function Lifecycle({ program, onProgram }: ProgramProps) {
  const [asking, setAsking] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const moves = allowed[program.status] ?? [];

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api<typeof program>(programApi(program.id, "/status"), {
        method: "POST",
        body: { status: asking.to },
      });
      onProgram(next);
      setDone(asking.done);
      setAsking(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <StatusMessage message={done} />
      {moves.length === 0 ? (
        <p class="muted">This program is closed.</p>
      ) : (
        <div class="row-actions lifecycle">
          {moves.map((to) => {
            const step = steps[to];
            if (!step) return null;
            return (
              <button
                key={to}
                type="button"
                class={step.danger ? "button danger" : to === "draft" ? "button" : "button primary"}
                onClick={() => {
                  setDone(null);
                  setError(null);
                  setAsking(step);
                }}
              >
                {step.label}
              </button>
            );
          })}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={asking.title}
          confirmLabel={asking.label}
          danger={asking.danger ?? false}
          busy={busy}
          error={error}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        >
          <p>{asking.body}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

import { useState } from "preact/hooks";
import type {
  GoalStatus,
  GoalView,
} from "../../../../../workers/shared/src/contracts/relationship/goals";
import { api } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { messageOf } from "../../../lib/problem";
import { ErrorMessage, FormActions, SubmitButton } from "../../../ui/feedback";
import { TextField } from "../../../ui/fields";
import { useForm } from "../../../ui/use-form";
import { type Pair, pairApi } from "../common";
import { InputField } from "../fields";
import { calendarDay } from "../time";

const statusLabel: Record<GoalStatus, string> = {
  active: "In progress",
  achieved: "Achieved",
  dropped: "Dropped",
};

interface Props {
  pair: Pair;
  goal: GoalView;
  onChanged: (goal: GoalView, message: string) => void;
}

/** One goal: progress, milestones, and the ways to move it forward. */
export function GoalItem({ pair, goal: g, onChanged }: Props) {
  const [mode, setMode] = useState<"view" | "progress" | "milestone">("view");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = pairApi(pair.match.id, `/goals/${g.id}`);
  const act = pair.canWrite && g.status === "active";

  const post = async (path: string, message: (goal: GoalView) => string) => {
    setBusy(true);
    setError(null);
    try {
      const goal = await api<GoalView>(`${base}${path}`, { method: "POST" });
      onChanged(goal, message(goal));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="card goal" aria-labelledby={`goal-${g.id}-t`}>
      <h3 id={`goal-${g.id}-t`}>
        {g.title} <span class={`badge badge-goal-${g.status}`}>{statusLabel[g.status]}</span>
      </h3>
      <p class="small">
        <label for={`goal-${g.id}-progress`}>Progress: {g.progress}%</label>{" "}
        <progress id={`goal-${g.id}-progress`} max={100} value={g.progress}>
          {g.progress}%
        </progress>
      </p>
      {g.measure && <p class="small">How you will know: {g.measure}</p>}
      <p class="small">
        {g.targetOn && `Target: ${calendarDay(g.targetOn)}. `}
        {g.achievedAt && `Achieved ${formatDate(g.achievedAt)}. `}
        {g.status === "active" &&
          g.nextReviewAt &&
          `${g.reviewDue ? "Review due" : "Next review"}: ${formatDate(g.nextReviewAt)}.`}
      </p>
      {g.milestones.length > 0 && (
        <ol class="milestones" aria-label={`Milestones of ${g.title}`}>
          {g.milestones.map((m) => (
            <li key={m.id}>
              {m.title}
              {m.dueOn && <span class="small"> · by {calendarDay(m.dueOn)}</span>}
              {m.doneAt ? (
                <span class="small"> · done {formatDate(m.doneAt)}</span>
              ) : (
                act && (
                  <>
                    {" "}
                    <button
                      type="button"
                      class="button small"
                      disabled={busy}
                      onClick={() =>
                        post(
                          `/milestones/${m.id}/done`,
                          () => `Milestone done: ${m.title}. Well done!`,
                        )
                      }
                    >
                      Mark done<span class="visually-hidden">: {m.title}</span>
                    </button>
                  </>
                )
              )}
            </li>
          ))}
        </ol>
      )}
      <ErrorMessage message={error} />
      {act && mode === "view" && (
        <div class="row-actions">
          <button type="button" class="button small" onClick={() => setMode("progress")}>
            Update progress<span class="visually-hidden">: {g.title}</span>
          </button>
          <button type="button" class="button small" onClick={() => setMode("milestone")}>
            Add a milestone<span class="visually-hidden">: {g.title}</span>
          </button>
          <button
            type="button"
            class="button small primary"
            disabled={busy}
            onClick={() => post("/achieve", (goal) => `Achieved: ${goal.title}. Congratulations!`)}
          >
            Mark achieved<span class="visually-hidden">: {g.title}</span>
          </button>
        </div>
      )}
      {act && mode === "progress" && (
        <ProgressForm
          base={base}
          goal={g}
          onCancel={() => setMode("view")}
          onDone={(goal) => {
            setMode("view");
            onChanged(goal, `Progress on ${goal.title}: ${goal.progress}%.`);
          }}
        />
      )}
      {act && mode === "milestone" && (
        <MilestoneForm
          base={base}
          onCancel={() => setMode("view")}
          onDone={(goal) => {
            setMode("view");
            onChanged(goal, `Milestone added to ${goal.title}.`);
          }}
        />
      )}
    </li>
  );
}

function ProgressForm(props: {
  base: string;
  goal: GoalView;
  onDone: (g: GoalView) => void;
  onCancel: () => void;
}) {
  const [progress, setProgress] = useState(String(props.goal.progress));
  const [note, setNote] = useState("");
  const form = useForm(["progress", "note"]);
  const submit = (e: Event) => {
    e.preventDefault();
    const n = Number(progress);
    void form.submit(
      () => ({
        progress:
          progress === "" || !Number.isInteger(n) || n < 0 || n > 100
            ? "Give a whole number from 0 to 100."
            : undefined,
      }),
      async () =>
        props.onDone(
          await api<GoalView>(`${props.base}/progress`, {
            method: "POST",
            body: { progress: n, note: note.trim() },
          }),
        ),
    );
  };
  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      aria-label={`Progress on ${props.goal.title}`}
    >
      <InputField
        label="Progress in percent"
        name="progress"
        type="number"
        min={0}
        max={100}
        step={5}
        value={progress}
        onValue={setProgress}
        error={form.fields.progress}
      />
      <TextField
        label="What moved"
        name="progress-note"
        value={note}
        onValue={setNote}
        optional
        error={form.fields.note}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
          Save progress
        </SubmitButton>
        <button type="button" class="button" onClick={props.onCancel}>
          Not now
        </button>
      </FormActions>
    </form>
  );
}

function MilestoneForm(props: {
  base: string;
  onDone: (g: GoalView) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState("");
  const form = useForm(["title", "dueOn"]);
  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({ title: title.trim() ? undefined : "Name the milestone." }),
      async () =>
        props.onDone(
          await api<GoalView>(`${props.base}/milestones`, {
            method: "POST",
            body: { title: title.trim(), ...(dueOn ? { dueOn } : {}) },
          }),
        ),
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Add a milestone">
      <TextField
        label="Milestone"
        name="milestone-title"
        value={title}
        onValue={setTitle}
        error={form.fields.title}
      />
      <InputField
        label="Due on"
        name="milestone-due"
        type="date"
        value={dueOn}
        onValue={setDueOn}
        optional
        error={form.fields.dueOn}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Adding…" primary>
          Add milestone
        </SubmitButton>
        <button type="button" class="button" onClick={props.onCancel}>
          Not now
        </button>
      </FormActions>
    </form>
  );
}

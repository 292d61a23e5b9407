import { useState } from "preact/hooks";
import type { GoalView } from "../../../../../workers/shared/src/contracts/relationship/goals";
import { api } from "../../../lib/api";
import { ErrorMessage, FormActions, SubmitButton } from "../../../ui/feedback";
import { TextAreaField, TextField } from "../../../ui/fields";
import { useForm } from "../../../ui/use-form";
import { type Pair, pairApi } from "../common";
import { InputField } from "../fields";

/** A new goal: what, how you will know, by when, and its first steps (one per line). */
export function AddGoal({ pair, onAdded }: { pair: Pair; onAdded: (goal: GoalView) => void }) {
  const [title, setTitle] = useState("");
  const [measure, setMeasure] = useState("");
  const [targetOn, setTargetOn] = useState("");
  const [steps, setSteps] = useState("");
  const form = useForm(["title", "measure", "targetOn", "milestones"]);

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({ title: title.trim() ? undefined : "Name the goal." }),
      async () => {
        const milestones = steps
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => ({ title: s }));
        const goal = await api<GoalView>(pairApi(pair.match.id, "/goals"), {
          method: "POST",
          body: {
            title: title.trim(),
            ...(measure.trim() ? { measure: measure.trim() } : {}),
            ...(targetOn ? { targetOn } : {}),
            ...(milestones.length > 0 ? { milestones } : {}),
          },
        });
        setTitle("");
        setMeasure("");
        setTargetOn("");
        setSteps("");
        onAdded(goal);
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-labelledby="add-goal-t">
      <h3 id="add-goal-t">Set a goal</h3>
      <TextField
        label="Goal"
        name="goal-title"
        value={title}
        onValue={setTitle}
        maxLength={200}
        error={form.fields.title}
      />
      <TextField
        label="How you will know it is reached"
        name="goal-measure"
        value={measure}
        onValue={setMeasure}
        optional
        error={form.fields.measure}
      />
      <InputField
        label="Target date"
        name="goal-target"
        type="date"
        value={targetOn}
        onValue={setTargetOn}
        optional
        error={form.fields.targetOn}
      />
      <TextAreaField
        label="Milestones"
        name="goal-milestones"
        value={steps}
        onValue={setSteps}
        optional
        rows={3}
        hint="The steps on the way, one per line."
        error={form.fields.milestones}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Set goal
        </SubmitButton>
      </FormActions>
    </form>
  );
}

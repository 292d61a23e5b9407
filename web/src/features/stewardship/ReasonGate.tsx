import { useState } from "preact/hooks";
import {
  type ReadReason,
  readReasons,
} from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { ErrorMessage, FormActions } from "../../ui/feedback";
import { RadioGroup } from "../../ui/fields";

const options = Object.entries(readReasons) as [ReadReason, string][];

/**
 * Before a coordinator reads a pair's confidential records: why. The reason travels with each
 * read, is recorded, and the pair sees it; it holds until the coordinator leaves the page.
 */
export function ReasonGate({
  names,
  onChoose,
}: {
  names: string;
  onChoose: (r: ReadReason) => void;
}) {
  const [reason, setReason] = useState<ReadReason | "">("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!reason) {
      setError("Choose why you are opening this pair's records.");
      return;
    }
    onChoose(reason);
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="read-reason-t">
      <h2 id="read-reason-t">Why are you opening this pair's records?</h2>
      <p class="small">
        Check-in answers, concerns and evaluations are confidential. Your reason is recorded with
        each read, and {names} can see who read their records, when and why.
      </p>
      <RadioGroup
        legend="Reason"
        name="readReason"
        value={reason as ReadReason}
        onValue={(r) => {
          setReason(r);
          setError(null);
        }}
        options={options}
      />
      <ErrorMessage message={error} />
      <FormActions>
        <button type="submit" class="button primary">
          Open the records
        </button>
      </FormActions>
    </form>
  );
}

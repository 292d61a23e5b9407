import type { BulkMode } from "../../../workers/shared/src/contracts/common/bulk-rows";
import { FormActions } from "./feedback";
import { RadioGroup } from "./fields";

/** The end of every CSV upload: what to do with rows that have problems, then send. */
export function BulkSend(props: {
  /** Lowercase verb for the choices: "invite", "enroll". */
  verb: string;
  name: string;
  mode: BulkMode;
  onMode: (mode: BulkMode) => void;
  busy: boolean;
  busyLabel: string;
  /** How many rows would go out; the button is off at zero. */
  ready: number;
  actionLabel: string;
  onSend: () => void;
}) {
  const Verb = props.verb[0]!.toUpperCase() + props.verb.slice(1);
  const modes: readonly (readonly [BulkMode, string])[] = [
    ["valid_only", `${Verb} only the valid rows`],
    ["all_or_nothing", `All or nothing: ${props.verb} nobody unless every row is valid`],
  ];
  return (
    <>
      <RadioGroup
        legend="If some rows have problems"
        name={props.name}
        value={props.mode}
        onValue={props.onMode}
        options={modes}
      />
      <FormActions>
        <button
          type="button"
          class="button primary"
          disabled={props.busy || props.ready === 0}
          onClick={props.onSend}
        >
          {props.busy ? props.busyLabel : props.actionLabel}
        </button>
      </FormActions>
    </>
  );
}

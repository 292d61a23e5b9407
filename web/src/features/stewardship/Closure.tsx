import { useState } from "preact/hooks";
import { api } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { ConfirmDialog, FormActions } from "../../ui/feedback";
import { RadioGroup, TextAreaField } from "../../ui/fields";
import { type Pair, pairApi } from "../relationship/common";
import { Section } from "../relationship/fields";
import { type ClosureReason as CloseReason, closureReasons } from "./shapes";

const reasonOptions = Object.entries(closureReasons) as [CloseReason, string][];

/**
 * Ending the match: why, a confirmation, then the exit survey (it appears under Evaluations).
 * The partner is told kindly by email; no blame is passed on.
 */
export function ClosureSection({ pair, onClosed }: { pair: Pair; onClosed: (m: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reasonCode, setReasonCode] = useState<CloseReason | "">("");
  const [reasonText, setReasonText] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (pair.seat === "coordinator" || pair.match.status === "closed") return null;
  const partner = pair.partner?.displayName ?? "your partner";
  const closing = pair.match.status === "closing";

  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(pairApi(pair.match.id, "/close"), {
        method: "POST",
        body: { reasonCode, ...(reasonText.trim() ? { reasonText: reasonText.trim() } : {}) },
      });
      setConfirming(false);
      onClosed(
        `The match is closed. ${partner} is told kindly by email. Your exit survey, if the program has one, is under Evaluations.`,
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="closure" title={closing ? "Wrapping up" : "Ending the match"}>
      <p class="small">
        {closing
          ? "Your time together is coming to its planned end. When you have said goodbye, close the match here."
          : "Matches sometimes end early, and that is all right. Tell us why; the coordinators read it, and we tell your partner kindly without passing on blame."}
      </p>
      {!open ? (
        <button type="button" class="button" aria-expanded="false" onClick={() => setOpen(true)}>
          {closing ? "Close the match" : "End this match"}
        </button>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reasonCode) setError("Choose a reason.");
            else setConfirming(true);
          }}
        >
          <RadioGroup
            legend="Why is it ending?"
            name="reasonCode"
            value={reasonCode as CloseReason}
            onValue={(r) => {
              setReasonCode(r);
              setError(null);
            }}
            options={reasonOptions}
          />
          {reasonCode === "safety" && (
            <p class="card note">
              If you feel unsafe, please also <a href="#raise-concern">raise a concern</a> so a
              coordinator contacts you.
            </p>
          )}
          <TextAreaField
            label="Anything you want the coordinators to know"
            name="reasonText"
            value={reasonText}
            onValue={setReasonText}
            rows={3}
            optional
          />
          {error && !confirming && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
          <FormActions>
            <button type="submit" class="button danger">
              Continue
            </button>
            <button type="button" class="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </FormActions>
        </form>
      )}
      {confirming && (
        <ConfirmDialog
          title="Close this match?"
          confirmLabel="Close the match"
          danger
          busy={busy}
          error={error}
          onConfirm={close}
          onCancel={() => setConfirming(false)}
        >
          <p>
            The match with {partner} ends now and its records become read-only. {partner} is told by
            email. You can then answer a short exit survey.
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

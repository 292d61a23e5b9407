import { useEffect, useRef, useState } from "preact/hooks";
import type { AddedWebhookTarget } from "../../../../workers/shared/src/contracts/webhooks";
import { StatusMessage } from "../../ui/feedback";
import { TextField } from "../../ui/fields";

/** The signing secret of a target just added: shown here once, never again. */
export function NewSecret({ target, onDone }: { target: AddedWebhookTarget; onDone: () => void }) {
  const [note, setNote] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(target.secret);
      setNote("Copied. Keep it where your receiving service reads its secrets.");
    } catch {
      setNote("Select the secret and copy it yourself: your browser did not allow copying.");
    }
  };
  return (
    <section class="card" aria-labelledby="secret-t">
      <h2 id="secret-t" ref={heading} tabIndex={-1}>
        “{target.name}” is added
      </h2>
      <p>
        Copy its signing secret now: it is shown only this once. Posts carry a{" "}
        <code>webhook-signature</code> header (Standard Webhooks) that a receiving service can check
        with it; Slack and Teams need nothing more than the URL.
      </p>
      <TextField
        label="Signing secret"
        name="secret"
        value={target.secret}
        onValue={() => {}}
        readOnly
        spellcheck={false}
      />
      <StatusMessage message={note} />
      <div class="row-actions">
        <button type="button" class="button" onClick={copy}>
          Copy the secret
        </button>
        <button type="button" class="button" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}

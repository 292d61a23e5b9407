import { useState } from "preact/hooks";
import type { AddedWebhookTarget } from "../../../../workers/shared/src/contracts/webhooks";
import { api } from "../../lib/api";
import { ErrorMessage, FormActions, SubmitButton } from "../../ui/feedback";
import { TextField } from "../../ui/fields";
import { type FieldErrors, useForm } from "../../ui/use-form";

/** Adds a target from a chat tool's incoming-webhook URL; the answer carries its secret. */
export function AddTarget({ onAdded }: { onAdded: (target: AddedWebhookTarget) => void }) {
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const form = useForm(["name", "url"]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const check = (): FieldErrors => ({
      ...(name.trim() ? {} : { name: "Give the target a name, e.g. “Coordinators channel”." }),
      ...(url.trim() ? {} : { url: "Paste the incoming webhook's URL." }),
    });
    void form.submit(check, async () => {
      const target = await api<AddedWebhookTarget>("/v1/webhook-targets", {
        method: "POST",
        body: { name: name.trim(), url: url.trim() },
      });
      setName("");
      setUrl("");
      onAdded(target);
    });
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate aria-labelledby="add-t">
      <h2 id="add-t">Add a webhook target</h2>
      <p class="muted">
        In Slack or Microsoft Teams, create an incoming webhook for the channel your coordinators
        read, and paste its URL here. Treat the URL like a password: anyone holding it can post to
        that channel.
      </p>
      <ErrorMessage message={form.error} />
      <TextField
        label="Name"
        name="name"
        value={name}
        onValue={setName}
        error={form.fields.name}
        maxLength={100}
        required
      />
      <TextField
        label="Webhook URL"
        name="url"
        type="url"
        value={url}
        onValue={setUrl}
        hint="An https address, such as https://hooks.slack.com/services/…"
        error={form.fields.url}
        spellcheck={false}
        required
      />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Adding…" primary>
          Add target
        </SubmitButton>
      </FormActions>
    </form>
  );
}

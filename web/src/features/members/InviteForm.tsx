import { useState } from "preact/hooks";
import type { InvitationView } from "../../../../workers/shared/src/contracts/members";
import { api } from "../../lib/api";
import { ApiError } from "../../lib/problem";
import { ErrorMessage, FormActions, StatusMessage, SubmitButton } from "../../ui/feedback";
import { SelectField, TextField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";

export const roleOptions = [
  ["member", "Member"],
  ["admin", "Admin"],
] as const;

const blank = { email: "", role: "member", displayName: "" };

export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [value, setValue] = useState(blank);
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm(["email", "role", "displayName"]);
  const set = (key: keyof typeof blank) => (v: string) => setValue({ ...value, [key]: v });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSent(null);
    const check = () => (value.email.trim() ? {} : { email: "Enter the person's email address." });
    void form.submit(check, async () => {
      const body = {
        email: value.email.trim(),
        role: value.role,
        ...(value.displayName.trim() ? { displayName: value.displayName.trim() } : {}),
      };
      const invitation = await api<InvitationView>("/v1/members/invitations", {
        method: "POST",
        body,
      }).catch((err: unknown) => {
        // A 409 is about the address: show it next to the email field.
        if (err instanceof ApiError && err.status === 409) {
          throw new ApiError(409, err.code, err.message, [
            { field: "email", message: err.message },
          ]);
        }
        throw err;
      });
      setValue(blank);
      setSent(`Invitation sent to ${invitation.email}.`);
      onInvited();
    });
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate aria-labelledby="inv-t">
      <h2 id="inv-t">Invite a member</h2>
      <p class="muted">
        They get an email with a link to choose a password and join. The link works for 7 days.
      </p>
      <ErrorMessage message={form.error} />
      <StatusMessage message={sent} />
      <div class="field-row">
        <TextField
          label="Email"
          name="email"
          type="email"
          value={value.email}
          onValue={set("email")}
          error={form.fields.email}
          autoComplete="off"
          required
        />
        <TextField
          label="Name"
          name="displayName"
          value={value.displayName}
          onValue={set("displayName")}
          error={form.fields.displayName}
          autoComplete="off"
          maxLength={120}
          optional
        />
        <SelectField
          label="Role"
          name="role"
          value={value.role}
          onValue={set("role")}
          options={roleOptions}
          error={form.fields.role}
        />
      </div>
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Sending…" primary>
          Send invitation
        </SubmitButton>
      </FormActions>
    </form>
  );
}

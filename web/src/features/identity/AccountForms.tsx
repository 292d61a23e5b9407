import { useState } from "preact/hooks";
import { api } from "../../lib/api";
import { ApiError } from "../../lib/problem";
import { CurrentPasswordField, EmailField } from "../../ui/auth-fields";
import { ErrorMessage, FormActions, StatusMessage, SubmitButton } from "../../ui/feedback";
import { checkNewPassword, NewPasswordFields } from "../../ui/NewPassword";
import { useForm } from "../../ui/use-form";

export function ChangePassword() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [passwords, setPasswords] = useState({ password: "", confirm: "" });
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(["currentPassword", "newPassword", "confirm"]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSaved(null);
    const check = () => ({
      ...(currentPassword ? {} : { currentPassword: "Enter your current password." }),
      ...checkNewPassword(passwords, "newPassword"),
    });
    void form.submit(check, async () => {
      await api("/v1/me/password", {
        method: "POST",
        body: { currentPassword, newPassword: passwords.password },
      });
      setCurrentPassword("");
      setPasswords({ password: "", confirm: "" });
      setSaved("Your password has been changed. Other devices have been signed out.");
    });
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate aria-labelledby="cpt">
      <h2 id="cpt">Change password</h2>
      <ErrorMessage message={form.error} />
      <StatusMessage message={saved} />
      <CurrentPasswordField
        label="Current password"
        name="currentPassword"
        value={currentPassword}
        onValue={setCurrentPassword}
        error={form.fields.currentPassword}
      />
      <NewPasswordFields
        value={passwords}
        onValue={setPasswords}
        errors={form.fields}
        field="newPassword"
        label="New password"
      />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Change password
        </SubmitButton>
      </FormActions>
    </form>
  );
}

export function ChangeEmail() {
  const [newEmail, setNewEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm(["newEmail", "password"]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSent(null);
    const check = () => ({
      ...(newEmail.trim() ? {} : { newEmail: "Enter your new email address." }),
      ...(password ? {} : { password: "Enter your password to confirm it's you." }),
    });
    void form.submit(check, async () => {
      const address = newEmail.trim();
      await api("/v1/me/email", { method: "POST", body: { newEmail: address, password } }).catch(
        (err: unknown) => {
          // A 409 means another member has that address: say so next to the field.
          if (!(err instanceof ApiError) || err.status !== 409) throw err;
          throw new ApiError(409, err.code, err.message, [
            { field: "newEmail", message: err.message },
          ]);
        },
      );
      setNewEmail("");
      setPassword("");
      setSent(`We've sent a confirmation link to ${address}. Your email changes once you open it.`);
    });
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate aria-labelledby="cet">
      <h2 id="cet">Change email</h2>
      <ErrorMessage message={form.error} />
      <StatusMessage message={sent} />
      <EmailField
        label="New email"
        name="newEmail"
        value={newEmail}
        onValue={setNewEmail}
        error={form.fields.newEmail}
      />
      <CurrentPasswordField value={password} onValue={setPassword} error={form.fields.password} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Sending…">
          Send confirmation link
        </SubmitButton>
      </FormActions>
    </form>
  );
}

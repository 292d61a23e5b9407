import { useState } from "preact/hooks";
import { orgCall } from "../../lib/api";
import { EmailField } from "../../ui/auth-fields";
import {
  ErrorMessage,
  FormActions,
  PageHeading,
  StatusMessage,
  SubmitButton,
} from "../../ui/feedback";
import { MissingOrganization, OrgName, PublicFrame, useOrganization } from "../../ui/PublicFrame";
import { useForm } from "../../ui/use-form";

export function ForgotPassword({ slug }: { slug: string }) {
  const org = useOrganization(slug);
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm(["email"]);

  if (org.kind === "missing") {
    return <MissingOrganization slug={slug} />;
  }

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => (email.trim() ? {} : { email: "Enter the email address you sign in with." }),
      async () => {
        await orgCall(slug, "/password-reset", { body: { email: email.trim() } });
        // The same words whether or not the account exists: no account enumeration.
        setSent("If an account exists, we've sent a link. Check your inbox.");
      },
    );
  };

  return (
    <PublicFrame>
      <OrgName state={org} />
      <PageHeading title="Reset your password">Reset your password</PageHeading>
      <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate>
        <p>
          Enter the email address you sign in with and we'll send you a link to choose a new one.
        </p>
        <StatusMessage message={sent} />
        <ErrorMessage message={form.error} />
        <EmailField value={email} onValue={setEmail} error={form.fields.email} />
        <FormActions>
          <SubmitButton busy={form.busy} busyLabel="Sending…" primary>
            Send reset link
          </SubmitButton>
          <a href={`/o/${slug}/sign-in`}>Back to sign in</a>
        </FormActions>
      </form>
    </PublicFrame>
  );
}

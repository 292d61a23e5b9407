import { useState } from "preact/hooks";
import type {
  InvitationLookupView,
  SessionAnswer,
} from "../../../../workers/shared/src/contracts/identity";
import { orgCall } from "../../lib/api";
import { formatDate, roleLabel } from "../../lib/format";
import { ApiError } from "../../lib/problem";
import { navigate } from "../../lib/router";
import { startSession } from "../../lib/session";
import { ErrorMessage, FormActions, Loading, SubmitButton } from "../../ui/feedback";
import { TextField } from "../../ui/fields";
import { checkNewPassword, NewPasswordFields } from "../../ui/NewPassword";
import { PublicPage } from "../../ui/PublicFrame";
import { useForm } from "../../ui/use-form";
import { useLoad } from "../../ui/use-load";

function InvalidInvitation({ slug }: { slug: string }) {
  return (
    <div class="card">
      <h2>This invitation can't be used</h2>
      <p>
        The link may already have been used, revoked by your coordinator, or expired. Ask your
        program coordinator for a new invitation. If you already accepted it,{" "}
        <a href={`/o/${slug}/sign-in`}>sign in</a>.
      </p>
    </div>
  );
}

function AcceptForm({
  slug,
  token,
  invitation,
}: AcceptProps & { invitation: InvitationLookupView }) {
  // Prefilled with the name the invitation email greeted them by; theirs to change.
  const [displayName, setDisplayName] = useState(invitation.displayName ?? "");
  const [passwords, setPasswords] = useState({ password: "", confirm: "" });
  const form = useForm(["displayName", "password", "confirm"]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const check = () => ({
      ...(displayName.trim() ? {} : { displayName: "Enter the name others will see." }),
      ...checkNewPassword(passwords),
    });
    void form.submit(check, async () => {
      const answer = await orgCall<SessionAnswer>(slug, "/invitations/accept", {
        body: { token, password: passwords.password, displayName: displayName.trim() },
      });
      startSession(slug, answer);
      navigate(`/o/${slug}/`, { replace: true });
    });
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate>
      <p>
        You're invited to join <strong>{invitation.organization.name}</strong> on Tandem as{" "}
        {invitation.role === "admin" ? "an admin" : "a member"}. The invitation is valid until{" "}
        {formatDate(invitation.expiresAt)}.
      </p>
      <dl class="facts">
        <dt>Email</dt>
        <dd>{invitation.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(invitation.role)}</dd>
      </dl>
      <ErrorMessage message={form.error} />
      <TextField
        label="Your name"
        name="displayName"
        value={displayName}
        onValue={setDisplayName}
        hint="How other people in your program will see you."
        error={form.fields.displayName}
        autoComplete="name"
        maxLength={100}
        required
      />
      <NewPasswordFields
        value={passwords}
        onValue={setPasswords}
        errors={form.fields}
        label="Choose a password"
      />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Joining…" primary>
          Join and sign in
        </SubmitButton>
      </FormActions>
    </form>
  );
}

interface AcceptProps {
  slug: string;
  token: string;
}

function AcceptInvitation({ slug, token }: AcceptProps) {
  const lookup = useLoad(
    () =>
      orgCall<InvitationLookupView>(slug, "/invitations/lookup", { body: { token } }).catch(
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 404) return null;
          throw err;
        },
      ),
    [slug, token],
  );
  if (lookup.loading) return <Loading label="Checking your invitation…" />;
  if (lookup.error) return <ErrorMessage message={lookup.error} />;
  if (!lookup.data) return <InvalidInvitation slug={slug} />;
  return <AcceptForm slug={slug} token={token} invitation={lookup.data} />;
}

export function Accept({ slug, token }: { slug: string; token: string | null }) {
  return (
    <PublicPage title="Accept your invitation">
      {token ? <AcceptInvitation slug={slug} token={token} /> : <InvalidInvitation slug={slug} />}
    </PublicPage>
  );
}

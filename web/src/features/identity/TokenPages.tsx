import { useState } from "preact/hooks";
import { orgCall } from "../../lib/api";
import { ApiError, messageOf } from "../../lib/problem";
import { ErrorMessage, FormActions, StatusMessage, SubmitButton } from "../../ui/feedback";
import { checkNewPassword, NewPasswordFields } from "../../ui/NewPassword";
import { PublicPage } from "../../ui/PublicFrame";
import { useForm } from "../../ui/use-form";

interface TokenPageProps {
  slug: string;
  token: string | null;
}

const expiredLink = (what: string) =>
  `This ${what} link can't be used: it may have expired or already been used.`;

function BrokenLink({ slug, what }: { slug: string; what: string }) {
  return (
    <div class="card">
      <p>{expiredLink(what)}</p>
      <p>
        <a href={`/o/${slug}/forgot-password`}>Request a new password reset link</a> or{" "}
        <a href={`/o/${slug}/sign-in`}>go to sign in</a>.
      </p>
    </div>
  );
}

export function ResetPassword({ slug, token }: TokenPageProps) {
  const [passwords, setPasswords] = useState({ password: "", confirm: "" });
  const [done, setDone] = useState(false);
  const form = useForm(["password", "confirm"]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => checkNewPassword(passwords),
      async () => {
        await orgCall(slug, "/password-reset/confirm", {
          body: { token, password: passwords.password },
        }).catch((err: unknown) => {
          const gone = err instanceof ApiError && (err.status === 404 || err.status === 410);
          throw gone ? new ApiError(err.status, err.code, expiredLink("password reset")) : err;
        });
        setDone(true);
      },
    );
  };

  let body = <BrokenLink slug={slug} what="password reset" />;
  if (token && done) {
    body = (
      <div class="card">
        <StatusMessage message={passwordChanged} />
        <p>
          <a class="button primary" href={`/o/${slug}/sign-in`}>
            Sign in with your new password
          </a>
        </p>
      </div>
    );
  } else if (token) {
    body = (
      <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate>
        <ErrorMessage message={form.error} />
        <NewPasswordFields
          value={passwords}
          onValue={setPasswords}
          errors={form.fields}
          label="New password"
        />
        <FormActions>
          <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
            Set new password
          </SubmitButton>
        </FormActions>
      </form>
    );
  }
  return <PublicPage title="Choose a new password">{body}</PublicPage>;
}

const passwordChanged = "Your password has been changed. You've been signed out everywhere.";

type ConfirmState = "ready" | "busy" | "done";

/** A button rather than an automatic call: mail scanners that open links confirm nothing. */
export function ConfirmEmail({ slug, token }: TokenPageProps) {
  const [state, setState] = useState<ConfirmState>("ready");
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setState("busy");
    setError(null);
    try {
      await orgCall(slug, "/email-change/confirm", { body: { token } });
      setState("done");
    } catch (err) {
      const gone = err instanceof ApiError && (err.status === 404 || err.status === 410);
      setError(gone ? expiredLink("confirmation") : messageOf(err));
      setState("ready");
    }
  };
  return (
    <PublicPage title="Confirm your new email">
      {!token ? (
        <div class="card">
          <p>{expiredLink("confirmation")}</p>
        </div>
      ) : (
        <div class="card">
          <StatusMessage
            message={state === "done" ? "Your email address has been changed." : null}
          />
          <ErrorMessage message={error} />
          {state === "done" ? (
            <p>
              <a class="button primary" href={`/o/${slug}/`}>
                Continue to Tandem
              </a>
            </p>
          ) : (
            <>
              <p>Confirm that you want to use this address to sign in to Tandem from now on.</p>
              <FormActions>
                <button
                  type="button"
                  class="button primary"
                  disabled={state === "busy"}
                  onClick={confirm}
                >
                  {state === "busy" ? "Confirming…" : "Confirm my new email"}
                </button>
              </FormActions>
            </>
          )}
        </div>
      )}
    </PublicPage>
  );
}

import { useEffect, useState } from "preact/hooks";
import { refreshSession, signIn } from "../../lib/api";
import { ApiError, describeWait } from "../../lib/problem";
import { isFirstPage, navigate } from "../../lib/router";
import { session, takeReturnTo, takeSignInNotice } from "../../lib/session";
import { CurrentPasswordField, EmailField } from "../../ui/auth-fields";
import {
  ErrorMessage,
  FormActions,
  PageHeading,
  StatusMessage,
  SubmitButton,
} from "../../ui/feedback";
import { MissingOrganization, OrgName, PublicFrame, useOrganization } from "../../ui/PublicFrame";
import { type FieldErrors, useForm } from "../../ui/use-form";

/** The sign-in answers worded for people: the API's 401 and 429 problems. */
function signInProblem(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  if (err.status === 401) {
    return new ApiError(401, err.code, "Email or password is incorrect.");
  }
  if (err.status === 429) {
    const wait = err.retryAfterSeconds;
    const when = wait === null ? "later" : `in ${describeWait(wait)}`;
    return new ApiError(429, err.code, `Too many sign-in attempts. Try again ${when}.`);
  }
  return err;
}

export function SignIn({ slug }: { slug: string }) {
  const org = useOrganization(slug);
  const [notice] = useState(takeSignInNotice);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useForm(["email", "password"]);

  // Opened or reloaded here with a live refresh cookie: go straight in.
  useEffect(() => {
    if (session.get()?.slug === slug) {
      navigate(takeReturnTo(slug), { replace: true });
    } else if (isFirstPage()) {
      refreshSession(slug).then(
        (restored) => restored && navigate(takeReturnTo(slug), { replace: true }),
        () => undefined,
      );
    }
  }, [slug]);

  if (org.kind === "missing") {
    return <MissingOrganization slug={slug} />;
  }

  const check = (): FieldErrors => ({
    ...(email.trim() ? {} : { email: "Enter your email address." }),
    ...(password ? {} : { password: "Enter your password." }),
  });
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(check, async () => {
      await signIn(slug, email.trim(), password).catch((err: unknown) => {
        throw signInProblem(err);
      });
      navigate(takeReturnTo(slug), { replace: true });
    });
  };

  return (
    <PublicFrame>
      <OrgName state={org} />
      <PageHeading title="Sign in">Sign in</PageHeading>
      <StatusMessage message={notice} />
      <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate>
        <ErrorMessage message={form.error} />
        <EmailField
          value={email}
          onValue={setEmail}
          error={form.fields.email}
          autoComplete="username"
        />
        <CurrentPasswordField value={password} onValue={setPassword} error={form.fields.password} />
        <FormActions>
          <SubmitButton busy={form.busy} busyLabel="Signing in…" primary>
            Sign in
          </SubmitButton>
          <a href={`/o/${slug}/forgot-password`}>Forgot password?</a>
        </FormActions>
      </form>
    </PublicFrame>
  );
}

import { useMemo, useState } from "preact/hooks";
import type { MeView } from "../../../../workers/shared/src/contracts/me";
import { api } from "../../lib/api";
import { browserTimeZone, roleLabel, timeZones } from "../../lib/format";
import { updateMember } from "../../lib/session";
import { useActiveSession } from "../../lib/session-context";
import { ErrorMessage, FormActions, PageHeading, StatusMessage } from "../../ui/feedback";
import { SelectField, TextField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { ChangeEmail, ChangePassword } from "./AccountForms";

function ProfileForm({ member }: { member: MeView }) {
  const [displayName, setDisplayName] = useState(member.displayName);
  const [timeZone, setTimeZone] = useState(member.timeZone || browserTimeZone());
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(["displayName", "timeZone"]);
  const zones = useMemo(() => timeZones(timeZone).map((z) => [z, z] as const), [timeZone]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSaved(null);
    void form.submit(
      () => (displayName.trim() ? {} : { displayName: "Enter the name others will see." }),
      async () => {
        const me = await api<MeView>("/v1/me", {
          method: "PATCH",
          body: { displayName: displayName.trim(), timeZone },
        });
        updateMember(me);
        setSaved("Your profile has been saved.");
      },
    );
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate aria-labelledby="pt">
      <h2 id="pt">Your profile</h2>
      <dl class="facts">
        <dt>Email</dt>
        <dd>{member.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(member.role)}</dd>
      </dl>
      <ErrorMessage message={form.error} />
      <StatusMessage message={saved} />
      <TextField
        label="Display name"
        name="displayName"
        value={displayName}
        onValue={setDisplayName}
        error={form.fields.displayName}
        autoComplete="name"
        maxLength={100}
        required
      />
      <SelectField
        label="Time zone"
        name="timeZone"
        value={timeZone}
        onValue={setTimeZone}
        options={zones}
        hint="Reminders and meeting times use this zone."
        error={form.fields.timeZone}
      />
      <FormActions>
        <button type="submit" class="button primary" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save profile"}
        </button>
      </FormActions>
    </form>
  );
}

export function Home() {
  const current = useActiveSession();
  const { member } = current;
  const base = `/o/${member.organization.slug}`;
  return (
    <>
      <PageHeading title="Home">Welcome, {member.displayName || member.email}</PageHeading>
      <p class="lead">
        You're signed in to {member.organization.name}.{" "}
        {member.role === "admin" ? (
          <>
            Start with <a href={`${base}/programs`}>Programs</a>: create a program from a template,
            set its rules and training, and open it for applications. Then invite its mentors and
            mentees from <a href={`${base}/members`}>Members</a> and review their applications in
            the program.
          </>
        ) : (
          <>
            Apply to a program as a mentor or a mentee from{" "}
            <a href={`${base}/programs`}>Programs</a>;{" "}
            <a href={`${base}/my-programs`}>My programs</a> shows your applications, their decisions
            and the training each program asks of you.
          </>
        )}
      </p>
      <div class="grid-2">
        <ProfileForm key={member.id} member={member} />
        <div class="stack">
          <ChangePassword />
          <ChangeEmail />
        </div>
      </div>
    </>
  );
}

import { useState } from "preact/hooks";
import { navigate } from "../../lib/router";
import { PageHeading } from "../../ui/feedback";
import { TextField } from "../../ui/fields";
import { ApiStatus, DevMailboxLink } from "./ApiStatus";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;

const pillars = [
  ["Clear expectations", "Pairs agree on goals, time commitment and boundaries up front."],
  ["Regular check-ins", "Short, scheduled check-ins keep every pairing moving."],
  ["Follow-through", "Action items have owners and due dates, and gentle reminders."],
  ["Two-way feedback", "Mentors and mentees both say what is working and what is not."],
  ["Confidentiality", "Private notes stay private; coordinators see what they need to."],
] as const;

function OrganizationForm() {
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const clean = slug.trim().toLowerCase();
    if (!SLUG.test(clean)) {
      setError(
        "Enter your organization's address: 3–40 lowercase letters, digits or dashes, " +
          "for example “northfield”.",
      );
      (event.currentTarget as HTMLFormElement).querySelector("input")?.focus();
      return;
    }
    navigate(`/o/${clean}/sign-in`);
  };
  return (
    <form class="card org-form" onSubmit={onSubmit} noValidate aria-labelledby="org-form-title">
      <h2 id="org-form-title">Go to your organization</h2>
      <TextField
        label="Organization address"
        name="slug"
        value={slug}
        onValue={setSlug}
        hint="The short name your coordinator gave you, e.g. northfield."
        error={error}
        autoComplete="organization"
        spellcheck={false}
        required
      />
      <button type="submit" class="button primary">
        Continue
      </button>
    </form>
  );
}

export function Landing() {
  return (
    <main id="main" class="landing" tabIndex={-1}>
      <section class="hero">
        <PageHeading title="Peer mentoring built on trust">Tandem</PageHeading>
        <p class="tagline">Peer mentoring built on trust</p>
        <p>
          Tandem helps universities and companies run peer-mentoring programs. Today coordinators
          set up programs and their rules from templates, invite participants, review their
          applications as mentors or mentees and track the training each program asks for. Matching,
          meetings, check-ins and reminders are on the way.
        </p>
      </section>
      <div class="landing-grid">
        <section aria-labelledby="pillars-title">
          <h2 id="pillars-title">What makes mentoring work</h2>
          <ul class="pillars">
            {pillars.map(([title, text]) => (
              <li key={title}>
                <strong>{title}.</strong> {text}
              </li>
            ))}
          </ul>
        </section>
        <OrganizationForm />
      </div>
      <footer class="landing-footer">
        <ApiStatus />
        <DevMailboxLink />
      </footer>
    </main>
  );
}

import { useState } from "preact/hooks";
import type { MailboxEntry } from "../../../../workers/shared/src/contracts/dev-mailbox";
import { formatDateTime } from "../../lib/format";
import { EmptyState, ErrorMessage, FormActions, Loading, PageHeading } from "../../ui/feedback";
import { TextField } from "../../ui/fields";
import { useLoad } from "../../ui/use-load";

type Mailbox = { available: false } | { available: true; items: MailboxEntry[] };

/** The Node host's dev mailbox; elsewhere (Workers, a real mail provider) it does not exist. */
async function loadMailbox(to: string): Promise<Mailbox> {
  const res = await fetch(`/dev/mailbox?to=${encodeURIComponent(to)}`, {
    headers: { accept: "application/json" },
  });
  const json = (res.headers.get("content-type") ?? "").includes("application/json");
  if (res.status === 404 || (res.ok && !json)) return { available: false };
  if (!res.ok) throw new Error(`The dev mailbox answered ${res.status}.`);
  const body = (await res.json()) as { items: MailboxEntry[] };
  return { available: true, items: body.items };
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its URLs as links. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <p class="mail-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} class="break">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}

export function DevMailbox() {
  const [filter, setFilter] = useState("");
  const [to, setTo] = useState("");
  const mailbox = useLoad(() => loadMailbox(to), [to]);
  const data = mailbox.data;
  return (
    <main id="main" class="app-main" tabIndex={-1}>
      <p>
        <a href="/">← Tandem</a>
      </p>
      <PageHeading title="Dev mailbox">Dev mailbox</PageHeading>
      <p class="lead">
        Emails that the local Node host (<code>npm start</code>) would have sent: invitations,
        password resets, email confirmations. Newest first.
      </p>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setTo(filter.trim());
          mailbox.reload();
        }}
      >
        <TextField
          label="Recipient"
          name="to"
          type="email"
          value={filter}
          onValue={setFilter}
          hint="Leave empty to see every message."
        />
        <FormActions>
          <button type="submit" class="button">
            Show messages
          </button>
        </FormActions>
      </form>
      <ErrorMessage message={mailbox.error} />
      {mailbox.loading && !data ? (
        <Loading label="Loading messages…" />
      ) : data && !data.available ? (
        <div class="card note">
          <h2>No dev mailbox here</h2>
          <p>
            This server has no dev mailbox. It exists only on the local Node host (
            <code>npm start</code>) when no email provider is configured; elsewhere email is really
            sent.
          </p>
        </div>
      ) : data && data.items.length === 0 ? (
        <EmptyState>No messages{to ? ` to ${to}` : ""} yet.</EmptyState>
      ) : (
        <ol class="mail-list">
          {data?.items.map((m) => (
            <li key={m.id} class="card">
              <article aria-labelledby={`mail-${m.id}`}>
                <h2 id={`mail-${m.id}`} class="mail-subject">
                  {m.subject}
                </h2>
                <p class="muted small">
                  To <span class="break">{m.to}</span> ·{" "}
                  <time dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time>
                </p>
                <Linkified text={m.text} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

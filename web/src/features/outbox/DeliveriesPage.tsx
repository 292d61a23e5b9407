import { useState } from "preact/hooks";
import type { OutboxEntry, OutboxStatus } from "../../../../workers/shared/src/contracts/outbox";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { DataTable } from "../../ui/DataTable";
import { PageHeading, StatusMessage } from "../../ui/feedback";
import { StatusFilter } from "../../ui/fields";
import { PagedList } from "../../ui/PagedList";
import { usePages } from "../../ui/use-pages";

type Delivery = OutboxEntry;

const statusFilter = [
  ["dead", "Failed"],
  ["pending", "Waiting to be sent"],
  ["sent", "Sent"],
  ["", "All"],
] as const;

const statusText: Record<OutboxStatus, string> = {
  dead: "Failed",
  pending: "Waiting",
  sent: "Sent",
};

/** Where a delivery stands, in a sentence: when it went, or when it is tried next. */
function progress(d: Delivery): string {
  if (d.status === "sent" && d.sentAt) return `Sent ${formatDateTime(d.sentAt)}`;
  const tries = d.attempts === 1 ? "1 attempt" : `${d.attempts} attempts`;
  if (d.status === "pending" && d.nextAttemptAt) {
    return `${tries} so far; next ${formatDateTime(d.nextAttemptAt)}`;
  }
  return `${statusText[d.status]} after ${tries}`;
}

/** The organization's emails: what went out, what waits for a retry, what failed for good. */
export function DeliveriesPage() {
  const [status, setStatus] = useState<string>("dead");
  const list = usePages<Delivery>("/v1/outbox", status ? { status } : {}, 0);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const retry = async (d: Delivery) => {
    setNote(null);
    setError(null);
    setBusy(d.id);
    try {
      const updated = await api<Delivery>(`/v1/outbox/${encodeURIComponent(d.id)}/retry`, {
        method: "POST",
      });
      if (status === "dead") list.remove(d.id);
      else list.replace(updated);
      setNote(`The email to ${d.recipient} will be sent again in a moment.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeading title="Email deliveries">Email deliveries</PageHeading>
      <p class="lead">
        Emails Tandem sent for your organization. Failed ones can be sent again once the problem is
        fixed (a mistyped address, say). The messages themselves are not shown: they hold sign-in
        links.
      </p>
      <div class="toolbar">
        <StatusFilter value={status} onValue={setStatus} options={statusFilter} />
      </div>
      <StatusMessage message={note} />
      <PagedList
        list={list}
        error={error}
        loadingLabel="Loading email deliveries…"
        empty={status === "dead" ? "No failed emails." : "No emails here."}
        noun={["email", "emails"]}
        hideCountWhenEmpty
      >
        <DataTable
          label="Email deliveries"
          columns={["Written", "To", "Subject", "Status", "Last problem", "Actions"]}
        >
          {list.items.map((d) => (
            <tr key={d.id}>
              <th scope="row" data-label="Written">
                <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
              </th>
              <td data-label="To" class="break">
                {d.recipient}
              </td>
              <td data-label="Subject" class="break">
                {d.subject}
              </td>
              <td data-label="Status">{progress(d)}</td>
              <td data-label="Last problem" class="break">
                {d.lastError ?? <span class="muted">—</span>}
              </td>
              <td data-label="Actions">
                {d.status === "dead" ? (
                  <button
                    type="button"
                    class="button small"
                    disabled={busy === d.id}
                    onClick={() => retry(d)}
                  >
                    {busy === d.id ? "Retrying…" : "Retry"}
                    <span class="visually-hidden"> the email to {d.recipient}</span>
                  </button>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </PagedList>
    </>
  );
}

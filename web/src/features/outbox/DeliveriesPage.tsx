import { useState } from "preact/hooks";
import type { OutboxEntry, OutboxStatus } from "../../../../workers/shared/src/contracts/outbox";
import type { WebhookTargetView } from "../../../../workers/shared/src/contracts/webhooks";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { DataTable } from "../../ui/DataTable";
import { PageHeading, StatusMessage } from "../../ui/feedback";
import { StatusFilter } from "../../ui/fields";
import { PagedList } from "../../ui/PagedList";
import { RetryCell } from "../../ui/RetryCell";
import { useLoad } from "../../ui/use-load";
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

/** Target names by id: a webhook delivery's recipient is its target's id. */
function useTargetNames(): ReadonlyMap<string, string> {
  const targets = useLoad(
    () => api<{ items: WebhookTargetView[] }>("/v1/webhook-targets?limit=100"),
    [],
  );
  return new Map((targets.data?.items ?? []).map((t) => [t.id, t.name]));
}

/** Who a delivery went to, as an admin knows them: an address, or a named webhook. */
function recipientOf(d: Delivery, targets: ReadonlyMap<string, string>): string {
  if (d.channel === "email") return d.recipient;
  const name = targets.get(d.recipient);
  return name ? `Webhook “${name}”` : "A deleted webhook";
}

/** The organization's emails and webhook posts: what went out, what waits, what failed. */
export function DeliveriesPage() {
  const [status, setStatus] = useState<string>("dead");
  const list = usePages<Delivery>("/v1/outbox", status ? { status } : {}, 0);
  const targets = useTargetNames();
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
      const what = d.channel === "email" ? `The email to ${d.recipient}` : "The webhook post";
      setNote(`${what} will be sent again in a moment.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeading title="Deliveries">Deliveries</PageHeading>
      <p class="lead">
        Emails and webhook posts Tandem sent for your organization. Failed ones can be sent again
        once the problem is fixed (a mistyped address, a webhook that was turned off). The messages
        themselves are not shown: they hold sign-in links.
      </p>
      <div class="toolbar">
        <StatusFilter value={status} onValue={setStatus} options={statusFilter} />
      </div>
      <StatusMessage message={note} />
      <PagedList
        list={list}
        error={error}
        loadingLabel="Loading deliveries…"
        empty={status === "dead" ? "No failed deliveries." : "No deliveries here."}
        noun={["delivery", "deliveries"]}
        hideCountWhenEmpty
      >
        <DataTable
          label="Deliveries"
          columns={["Written", "To", "Subject", "Status", "Last problem", "Actions"]}
        >
          {list.items.map((d) => (
            <tr key={d.id}>
              <th scope="row" data-label="Written">
                <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
              </th>
              <td data-label="To" class="break">
                {recipientOf(d, targets)}
              </td>
              <td data-label="Subject" class="break">
                {d.subject}
              </td>
              <td data-label="Status">{progress(d)}</td>
              <td data-label="Last problem" class="break">
                {d.lastError ?? <span class="muted">—</span>}
              </td>
              <RetryCell
                failed={d.status === "dead"}
                busy={busy === d.id}
                what={d.channel === "email" ? `the email to ${d.recipient}` : d.subject}
                onRetry={() => retry(d)}
              />
            </tr>
          ))}
        </DataTable>
      </PagedList>
    </>
  );
}

import { useState } from "preact/hooks";
import type { OutboxEntry } from "../../../../workers/shared/src/contracts/outbox";
import type { WebhookTargetView } from "../../../../workers/shared/src/contracts/webhooks";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { DataTable } from "../../ui/DataTable";
import { ConfirmDialog, ErrorMessage, StatusMessage } from "../../ui/feedback";
import { useConfirm } from "../../ui/use-confirm";

interface Props {
  targets: WebhookTargetView[];
  onChange: (target: WebhookTargetView) => void;
  onRemove: (id: string) => void;
  /** Where the deliveries page is, to say where a test post can be followed. */
  deliveriesHref: string;
}

const path = (t: WebhookTargetView) => `/v1/webhook-targets/${encodeURIComponent(t.id)}`;

/** The organization's targets, each with its test, enable or disable, and delete. */
export function TargetsTable({ targets, onChange, onRemove, deliveriesHref }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const removing = useConfirm<WebhookTargetView>();

  const act = async (t: WebhookTargetView, action: () => Promise<string>) => {
    setBusy(t.id);
    setNote(null);
    setError(null);
    try {
      setNote(await action());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };
  const test = (t: WebhookTargetView) =>
    act(t, async () => {
      await api<OutboxEntry>(`${path(t)}/test`, { method: "POST" });
      return `A test post to “${t.name}” is on its way.`;
    });
  const toggle = (t: WebhookTargetView) =>
    act(t, async () => {
      const status = t.status === "active" ? "disabled" : "active";
      onChange(await api<WebhookTargetView>(path(t), { method: "PATCH", body: { status } }));
      return status === "active"
        ? `“${t.name}” is enabled again.`
        : `“${t.name}” is disabled: nothing more is posted to it.`;
    });
  const remove = () =>
    removing.run(async (t) => {
      await api(path(t), { method: "DELETE" });
      onRemove(t.id);
      setNote(`“${t.name}” is deleted.`);
    });

  return (
    <>
      <StatusMessage message={note} />
      <ErrorMessage message={error} />
      <DataTable
        label="Webhook targets"
        columns={["Name", "Posts to", "Status", "Added", "Actions"]}
      >
        {targets.map((t) => (
          <tr key={t.id}>
            <th scope="row" data-label="Name" class="break">
              {t.name}
            </th>
            <td data-label="Posts to" class="break">
              <code>{t.maskedUrl}</code>
            </td>
            <td data-label="Status">{t.status === "active" ? "Active" : "Disabled"}</td>
            <td data-label="Added">
              <time dateTime={t.createdAt}>{formatDateTime(t.createdAt)}</time>
            </td>
            <td data-label="Actions">
              <div class="row-actions">
                {t.status === "active" && (
                  <button
                    type="button"
                    class="button small"
                    disabled={busy === t.id}
                    onClick={() => test(t)}
                  >
                    Send test<span class="visually-hidden"> to {t.name}</span>
                  </button>
                )}
                <button
                  type="button"
                  class="button small"
                  disabled={busy === t.id}
                  onClick={() => toggle(t)}
                >
                  {t.status === "active" ? "Disable" : "Enable"}
                  <span class="visually-hidden"> {t.name}</span>
                </button>
                <button type="button" class="button small danger" onClick={() => removing.ask(t)}>
                  Delete<span class="visually-hidden"> {t.name}</span>
                </button>
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
      {removing.asking && (
        <ConfirmDialog
          title={`Delete “${removing.asking.name}”?`}
          confirmLabel="Delete target"
          danger
          busy={removing.busy}
          error={removing.error}
          onConfirm={remove}
          onCancel={removing.cancel}
        >
          <p>
            Nothing more is posted to it, and posts still waiting for it fail. To post there again,
            add it anew (with a new secret).
          </p>
        </ConfirmDialog>
      )}
      <p class="muted">
        Test posts and the reminders posted to these targets are listed, with any problem, under{" "}
        <a href={deliveriesHref}>Deliveries</a>.
      </p>
    </>
  );
}

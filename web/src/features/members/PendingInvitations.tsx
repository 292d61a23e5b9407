import { useState } from "preact/hooks";
import type { InvitationView } from "../../../../workers/shared/src/contracts/members";
import { api } from "../../lib/api";
import { formatDate, roleLabel } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { DataTable } from "../../ui/DataTable";
import { ConfirmDialog, StatusMessage } from "../../ui/feedback";
import { PagedList } from "../../ui/PagedList";
import { useConfirm } from "../../ui/use-confirm";
import { usePages } from "../../ui/use-pages";

interface Props {
  version: number;
  onChanged: () => void;
}

export function PendingInvitations({ version, onChanged }: Props) {
  const list = usePages<InvitationView>("/v1/members/invitations", {}, version);
  const dialog = useConfirm<InvitationView>();
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = () =>
    dialog.run(async (invitation) => {
      await api(`/v1/members/invitations/${encodeURIComponent(invitation.id)}`, {
        method: "DELETE",
      });
      setNote(`The invitation for ${invitation.email} has been revoked; its link no longer works.`);
      onChanged();
    });
  const revoking = dialog.asking;

  const resend = async (invitation: InvitationView) => {
    setNote(null);
    setError(null);
    try {
      await api(`/v1/members/invitations/${encodeURIComponent(invitation.id)}/resend`, {
        method: "POST",
      });
      setNote(`A new link has been sent to ${invitation.email}; the old one no longer works.`);
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <>
      <StatusMessage message={note} />
      <PagedList
        list={list}
        error={error}
        loadingLabel="Loading invitations…"
        empty="No pending invitations."
        noun={["invitation", "invitations"]}
        hideCountWhenEmpty
      >
        <DataTable
          label="Pending invitations"
          columns={["Email", "Name", "Role", "Expires", "Actions"]}
        >
          {list.items.map((inv) => (
            <tr key={inv.id}>
              <th scope="row" data-label="Email" class="break">
                {inv.email}
              </th>
              <td data-label="Name">{inv.displayName || <span class="muted">—</span>}</td>
              <td data-label="Role">{roleLabel(inv.role)}</td>
              <td data-label="Expires">
                <time dateTime={inv.expiresAt}>{formatDate(inv.expiresAt)}</time>
              </td>
              <td data-label="Actions">
                <div class="row-actions">
                  <button type="button" class="button small" onClick={() => resend(inv)}>
                    Resend<span class="visually-hidden"> invitation to {inv.email}</span>
                  </button>
                  <button
                    type="button"
                    class="button small danger"
                    onClick={() => {
                      setNote(null);
                      dialog.ask(inv);
                    }}
                  >
                    Revoke<span class="visually-hidden"> invitation to {inv.email}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      </PagedList>
      {revoking && (
        <ConfirmDialog
          title={`Revoke the invitation for ${revoking.email}?`}
          confirmLabel="Revoke invitation"
          danger
          busy={dialog.busy}
          error={dialog.error}
          onConfirm={revoke}
          onCancel={dialog.cancel}
        >
          <p>The link in their email stops working at once. You can invite them again later.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

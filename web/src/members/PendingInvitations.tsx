import { useState } from "preact/hooks";
import { api } from "../lib/api";
import { formatDate, roleLabel } from "../lib/format";
import { messageOf } from "../lib/problem";
import type { Invitation } from "../lib/types";
import { ConfirmDialog, EmptyState, ErrorMessage, Loading, StatusMessage } from "../ui/feedback";
import { LoadMore } from "../ui/LoadMore";
import { usePages } from "../ui/use-pages";

interface Props {
  version: number;
  onChanged: () => void;
}

export function PendingInvitations({ version, onChanged }: Props) {
  const list = usePages<Invitation>("/v1/members/invitations", {}, version);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setDialogError(null);
    try {
      await api(`/v1/members/invitations/${encodeURIComponent(revoking.id)}`, {
        method: "DELETE",
      });
      setNote(`The invitation for ${revoking.email} has been revoked; its link no longer works.`);
      setRevoking(null);
      onChanged();
    } catch (err) {
      setDialogError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const resend = async (invitation: Invitation) => {
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
      <ErrorMessage message={error ?? list.error} />
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading invitations…" />
      ) : list.items.length === 0 && !list.error ? (
        <EmptyState>No pending invitations.</EmptyState>
      ) : (
        <table class="data-table" aria-label="Pending invitations">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
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
                        setDialogError(null);
                        setRevoking(inv);
                      }}
                    >
                      Revoke<span class="visually-hidden"> invitation to {inv.email}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.items.length > 0 && (
        <LoadMore
          shown={list.items.length}
          noun={["invitation", "invitations"]}
          hasMore={list.nextCursor !== null}
          loading={list.loading}
          onMore={list.loadMore}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the invitation for ${revoking.email}?`}
          confirmLabel="Revoke invitation"
          danger
          busy={busy}
          error={dialogError}
          onConfirm={revoke}
          onCancel={() => setRevoking(null)}
        >
          <p>The link in their email stops working at once. You can invite them again later.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

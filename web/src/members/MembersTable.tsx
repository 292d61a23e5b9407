import { useState } from "preact/hooks";
import { api } from "../lib/api";
import { roleLabel, statusLabel } from "../lib/format";
import { messageOf } from "../lib/problem";
import type { MemberView } from "../lib/types";
import { ConfirmDialog, EmptyState, ErrorMessage, Loading, StatusMessage } from "../ui/feedback";
import { SelectField } from "../ui/fields";
import { LoadMore } from "../ui/LoadMore";
import { usePages } from "../ui/use-pages";

type Change = "deactivate" | "reactivate" | "make-admin" | "make-member";

const statusFilter = [
  ["", "All statuses"],
  ["active", "Active"],
  ["invited", "Invited"],
  ["deactivated", "Deactivated"],
] as const;

function describeChange(change: Change, m: MemberView) {
  const name = m.displayName || m.email;
  switch (change) {
    case "deactivate":
      return {
        title: `Deactivate ${name}?`,
        body:
          `${name} (${m.email}) is signed out at once and can't sign in until reactivated. ` +
          "Their history is kept.",
        confirm: "Deactivate",
        done: `${name} has been deactivated.`,
      };
    case "reactivate":
      return {
        title: `Reactivate ${name}?`,
        body: `${name} will be able to sign in again with their existing password.`,
        confirm: "Reactivate",
        done: `${name} has been reactivated.`,
      };
    case "make-admin":
      return {
        title: `Make ${name} an admin?`,
        body:
          "Admins can invite and deactivate members, manage API clients and read the " +
          "audit log.",
        confirm: "Make admin",
        done: `${name} is now an admin.`,
      };
    case "make-member":
      return {
        title: `Make ${name} a member?`,
        body: `${name} will no longer be able to manage members, API clients or the audit log.`,
        confirm: "Make member",
        done: `${name} is now a member.`,
      };
  }
}

async function apply(change: Change, m: MemberView): Promise<MemberView> {
  const path = `/v1/members/${encodeURIComponent(m.id)}`;
  if (change === "make-admin" || change === "make-member") {
    const role = change === "make-admin" ? "admin" : "member";
    return api<MemberView>(path, { method: "PATCH", body: { role } });
  }
  return api<MemberView>(`${path}/${change}`, { method: "POST" });
}

function RowActions({ m, selfId, onAsk }: RowActionProps) {
  if (m.id === selfId) return <span class="muted">You</span>;
  if (m.status === "invited") return <span class="muted">Awaiting acceptance</span>;
  const hidden = <span class="visually-hidden"> {m.displayName || m.email}</span>;
  const roleChange: Change = m.role === "admin" ? "make-member" : "make-admin";
  return (
    <div class="row-actions">
      {m.status === "active" && (
        <button type="button" class="button small" onClick={() => onAsk(roleChange, m)}>
          {m.role === "admin" ? "Make member" : "Make admin"}
          {hidden}
        </button>
      )}
      {m.status === "active" ? (
        <button type="button" class="button small danger" onClick={() => onAsk("deactivate", m)}>
          Deactivate{hidden}
        </button>
      ) : (
        <button type="button" class="button small" onClick={() => onAsk("reactivate", m)}>
          Reactivate{hidden}
        </button>
      )}
    </div>
  );
}

interface RowActionProps {
  m: MemberView;
  selfId: string;
  onAsk: (change: Change, m: MemberView) => void;
}

export function MembersTable({ version, selfId }: { version: number; selfId: string }) {
  const [status, setStatus] = useState("");
  const list = usePages<MemberView>("/v1/members", status ? { status } : {}, version);
  const [asking, setAsking] = useState<{ change: Change; m: MemberView } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    setDialogError(null);
    try {
      list.replace(await apply(asking.change, asking.m));
      setDone(describeChange(asking.change, asking.m).done);
      setAsking(null);
    } catch (err) {
      setDialogError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const ask = (change: Change, m: MemberView) => {
    setDone(null);
    setDialogError(null);
    setAsking({ change, m });
  };
  const text = asking && describeChange(asking.change, asking.m);

  return (
    <>
      <div class="toolbar">
        <SelectField
          label="Status"
          name="status"
          value={status}
          onValue={setStatus}
          options={statusFilter}
        />
      </div>
      <StatusMessage message={done} />
      <ErrorMessage message={list.error} />
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading members…" />
      ) : list.items.length === 0 && !list.error ? (
        <EmptyState>
          No members{status ? ` with the status “${statusLabel(status)}”` : ""}.
        </EmptyState>
      ) : (
        <table class="data-table" aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.id}>
                <th scope="row" data-label="Name">
                  {m.displayName}
                </th>
                <td data-label="Email" class="break">
                  {m.email}
                </td>
                <td data-label="Role">{roleLabel(m.role)}</td>
                <td data-label="Status">
                  <span class={`badge badge-${m.status}`}>{statusLabel(m.status)}</span>
                </td>
                <td data-label="Actions">
                  <RowActions m={m} selfId={selfId} onAsk={ask} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore
        shown={list.items.length}
        noun={["member", "members"]}
        hasMore={list.nextCursor !== null}
        loading={list.loading}
        onMore={list.loadMore}
      />
      {asking && text && (
        <ConfirmDialog
          title={text.title}
          confirmLabel={text.confirm}
          danger={asking.change === "deactivate"}
          busy={busy}
          error={dialogError}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        >
          <p>{text.body}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

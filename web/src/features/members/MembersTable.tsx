import { useState } from "preact/hooks";
import type { MemberView } from "../../../../workers/shared/src/contracts/members";
import { api } from "../../lib/api";
import { roleLabel, statusLabel } from "../../lib/format";
import { DataTable } from "../../ui/DataTable";
import { ConfirmDialog, StatusMessage } from "../../ui/feedback";
import { StatusFilter } from "../../ui/fields";
import { PagedList } from "../../ui/PagedList";
import { useConfirm } from "../../ui/use-confirm";
import { usePages } from "../../ui/use-pages";

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
  const dialog = useConfirm<{ change: Change; m: MemberView }>();
  const [done, setDone] = useState<string | null>(null);

  const confirm = () =>
    dialog.run(async ({ change, m }) => {
      list.replace(await apply(change, m));
      setDone(describeChange(change, m).done);
    });
  const ask = (change: Change, m: MemberView) => {
    setDone(null);
    dialog.ask({ change, m });
  };
  const { asking } = dialog;
  const text = asking && describeChange(asking.change, asking.m);

  return (
    <>
      <div class="toolbar">
        <StatusFilter value={status} onValue={setStatus} options={statusFilter} />
      </div>
      <StatusMessage message={done} />
      <PagedList
        list={list}
        loadingLabel="Loading members…"
        empty={<>No members{status ? ` with the status “${statusLabel(status)}”` : ""}.</>}
        noun={["member", "members"]}
      >
        <DataTable label="Members" columns={["Name", "Email", "Role", "Status", "Actions"]}>
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
        </DataTable>
      </PagedList>
      {asking && text && (
        <ConfirmDialog
          title={text.title}
          confirmLabel={text.confirm}
          danger={asking.change === "deactivate"}
          busy={dialog.busy}
          error={dialog.error}
          onConfirm={confirm}
          onCancel={dialog.cancel}
        >
          <p>{text.body}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

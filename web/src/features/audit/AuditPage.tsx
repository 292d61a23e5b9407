import type { AuditEntryView } from "../../../../workers/shared/src/contracts/audit";
import type { Page } from "../../../../workers/shared/src/contracts/common/pagination";
import type { MemberView } from "../../../../workers/shared/src/contracts/members";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useActiveSession } from "../../lib/session-context";
import { DataTable } from "../../ui/DataTable";
import { PageHeading } from "../../ui/feedback";
import { PagedList } from "../../ui/PagedList";
import { useLoad } from "../../ui/use-load";
import { usePages } from "../../ui/use-pages";
import { actionText, detailText } from "./audit-words";

type Names = Map<string, string>;

/** A person or thing in the log: a member's name when known, else a short id. */
function nameOf(type: string | null, id: string | null, names: Names, selfId: string): string {
  if (!id) return type ?? "";
  if (type === "member") {
    if (id === selfId) return "You";
    const name = names.get(id);
    if (name) return name;
  }
  const short = id.length > 12 ? `${id.slice(0, 8)}…` : id;
  return `${type ?? ""} ${short}`.trim();
}

/** Names for the member ids in the log: the first hundred members cover most organizations. */
const loadNames = async (): Promise<Names> => {
  const page = await api<Page<MemberView>>("/v1/members?limit=100");
  return new Map(page.items.map((m) => [m.id, m.displayName || m.email]));
};

export function AuditPage() {
  const { member } = useActiveSession();
  const log = usePages<AuditEntryView>("/v1/audit", {}, 0, 50);
  const names = useLoad(loadNames, []).data ?? new Map<string, string>();
  const who = (e: AuditEntryView) =>
    e.actorType === "system" || e.actorType === "operator" || !e.actorId
      ? e.actorType === "operator"
        ? "Platform operator"
        : "System"
      : nameOf(e.actorType, e.actorId, names, member.id);
  const subject = (e: AuditEntryView) =>
    e.subjectType === e.actorType && e.subjectId === e.actorId
      ? ""
      : nameOf(e.subjectType, e.subjectId, names, member.id);
  return (
    <>
      <PageHeading title="Audit log">Audit log</PageHeading>
      <p class="lead">Who did what, when and from where — newest first.</p>
      <PagedList
        list={log}
        loadingLabel="Loading the audit log…"
        empty="Nothing has been recorded yet."
        noun={["entry", "entries"]}
      >
        <DataTable
          label="Audit log"
          variant="audit"
          columns={["When", "Who", "What", "From where"]}
        >
          {log.items.map((e) => (
            <tr key={e.id}>
              <th scope="row" data-label="When">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </th>
              <td data-label="Who" class="break" title={e.actorId ?? undefined}>
                {who(e)}
              </td>
              <td data-label="What">
                <span class="action">{actionText[e.action] ?? e.action}</span>
                <span class="muted small break">
                  {" "}
                  {[subject(e), detailText(e.detail)].filter(Boolean).join(" · ")}
                </span>
              </td>
              <td data-label="From where">{e.ip ?? <span class="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      </PagedList>
    </>
  );
}

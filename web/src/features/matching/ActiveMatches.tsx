import { useState } from "preact/hooks";
import type { MatchView } from "../../../../workers/shared/src/contracts/matches";
import { api } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useActiveSession } from "../../lib/session-context";
import { DataTable } from "../../ui/DataTable";
import { ConfirmDialog } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { PagedList } from "../../ui/PagedList";
import { useConfirm } from "../../ui/use-confirm";
import { usePages } from "../../ui/use-pages";
import { programApi } from "../programs/common";
import { workspacePath } from "../relationship/common";
import { formatScore, menteeOf, mentorOf, pairName } from "./words";

interface Props {
  programId: string;
  /** Changes whenever a match may have started or ended elsewhere on the page. */
  version: number;
  onChange: (message: string) => void;
}

/** The program's active matches; a coordinator can end one, saying why. */
export function ActiveMatches({ programId, version, onChange }: Props) {
  const { slug } = useActiveSession();
  const list = usePages<MatchView>(
    programApi(programId, "/matches"),
    { status: "active" },
    version,
  );
  const closing = useConfirm<MatchView>();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();

  const close = () => {
    if (!reason.trim()) {
      setReasonError("Say why the match ends.");
      return;
    }
    setReasonError(undefined);
    void closing.run(async (match) => {
      const path = programApi(programId, `/matches/${encodeURIComponent(match.id)}/close`);
      await api(path, { method: "POST", body: { reason: reason.trim() } });
      list.remove(match.id);
      document.getElementById("active-t")?.focus();
      onChange(`The match of ${pairName(match)} has ended.`);
    });
  };

  return (
    <section class="section" aria-labelledby="active-t">
      <h2 id="active-t" tabIndex={-1}>
        Active matches
      </h2>
      <PagedList
        list={list}
        loadingLabel="Loading matches…"
        empty="No active matches yet."
        noun={["active match", "active matches"]}
        hideCountWhenEmpty
      >
        <DataTable
          label="Active matches"
          columns={["Mentor", "Mentee", "Since", "Score", "Actions"]}
        >
          {list.items.map((m) => (
            <tr key={m.id}>
              <td data-label="Mentor">{mentorOf(m)?.displayName}</td>
              <td data-label="Mentee">{menteeOf(m)?.displayName}</td>
              <td data-label="Since">{m.activatedAt ? formatDate(m.activatedAt) : "—"}</td>
              <td data-label="Score">{formatScore(m.score)}</td>
              <td>
                <a class="button small" href={workspacePath(slug, m.id, programId)}>
                  Open<span class="visually-hidden"> the relationship of {pairName(m)}</span>
                </a>{" "}
                <button
                  type="button"
                  class="button small danger"
                  onClick={() => {
                    setReason("");
                    setReasonError(undefined);
                    closing.ask(m);
                  }}
                >
                  End<span class="visually-hidden"> the match of {pairName(m)}</span>
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      </PagedList>
      {closing.asking && (
        <ConfirmDialog
          title={`End the match of ${pairName(closing.asking)}?`}
          confirmLabel="End the match"
          danger
          busy={closing.busy}
          error={closing.error}
          onConfirm={close}
          onCancel={closing.cancel}
        >
          <TextAreaField
            label="Why does it end?"
            name="reason"
            value={reason}
            onValue={setReason}
            error={reasonError}
            hint="Kept in the match's history and the audit log."
            rows={3}
          />
        </ConfirmDialog>
      )}
    </section>
  );
}

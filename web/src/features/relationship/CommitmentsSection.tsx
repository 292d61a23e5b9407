import { useState } from "preact/hooks";
import type {
  CommitmentList,
  CommitmentView,
  FollowThroughView,
} from "../../../../workers/shared/src/contracts/relationship/commitments";
import { api } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { EmptyState, ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { AddCommitment } from "./AddCommitment";
import { focusById, nameIn, pairApi } from "./common";
import { LockedNote, Section } from "./fields";
import { calendarDay } from "./time";
import type { SectionProps } from "./Workspace";

const rateText = (f: FollowThroughView, name: string) =>
  f.rate === null
    ? `${name}: nothing due yet.`
    : `${name}: ${f.doneOnTime} of ${f.counted} done on time (${Math.round(f.rate * 100)}%).`;

/** What each person promised, by when, whether it is done; and how reliably each follows through. */
export function CommitmentsSection(props: SectionProps) {
  const { pair, version, onChange, locked } = props;
  const list = useLoad(
    () =>
      locked ? Promise.resolve(null) : api<CommitmentList>(pairApi(pair.match.id, "/commitments")),
    [pair.match.id, version, locked],
  );
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (c: CommitmentView) => {
    setBusy(c.id);
    setError(null);
    try {
      await api(pairApi(pair.match.id, `/commitments/${c.id}/${c.done ? "undone" : "done"}`), {
        method: "POST",
      });
      setNote(c.done ? `"${c.text}" is open again.` : `"${c.text}" is done. Well done.`);
      onChange();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  if (locked) {
    return (
      <Section id="commitments" title="Commitments">
        <LockedNote what="Commitments" seat={pair.seat} />
      </Section>
    );
  }
  const data = list.data;
  return (
    <Section id="commitments" title="Commitments">
      <StatusMessage message={note} />
      <ErrorMessage message={error ?? list.error} />
      {data && data.followThrough.length > 0 && (
        <ul class="small" aria-label="Follow-through">
          {data.followThrough.map((f) => (
            <li key={f.memberId}>{rateText(f, nameIn(pair, f.memberId))}</li>
          ))}
        </ul>
      )}
      {!data ? (
        list.loading && <Loading label="Loading commitments…" />
      ) : data.items.length === 0 ? (
        <EmptyState>No commitments yet.</EmptyState>
      ) : (
        <ul class="list-items" aria-label="Commitments, open first">
          {data.items.map((c) => {
            const who = nameIn(pair, c.ownerId);
            const due = `${who === "You" ? "You" : who}, by ${calendarDay(c.dueOn)}`;
            return (
              <li key={c.id} class="list-item">
                {pair.canWrite ? (
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      checked={c.done}
                      disabled={busy === c.id}
                      onChange={() => toggle(c)}
                    />{" "}
                    {c.text}
                  </label>
                ) : (
                  <strong>{c.text}</strong>
                )}
                <span class="small">
                  {" "}
                  {due}
                  {c.done
                    ? ` · done${c.doneOnTime === false ? " late" : ""}`
                    : c.overdue
                      ? " · overdue"
                      : " · open"}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {pair.canWrite && (
        <AddCommitment
          pair={pair}
          version={version}
          onAdded={(c) => {
            setNote(`Added: "${c.text}", due ${calendarDay(c.dueOn)}.`);
            onChange();
            focusById("commitments-t");
          }}
        />
      )}
    </Section>
  );
}

import { useState } from "preact/hooks";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import type {
  ReminderItem,
  ReminderView,
} from "../../../../workers/shared/src/contracts/reminders";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { DataTable } from "../../ui/DataTable";
import { StatusMessage } from "../../ui/feedback";
import { PagedList } from "../../ui/PagedList";
import { RetryCell } from "../../ui/RetryCell";
import { programApi } from "../programs/common";
import { useReminders } from "./use-reminders";
import { channelsText, emptyView, standing, viewIntro, views } from "./words";

const pairName = (item: ReminderItem) =>
  item.pair ? `${item.pair.mentor.displayName} and ${item.pair.mentee.displayName}` : "—";

/** A program's reminders for its coordinators: the week ahead, waiting, sent and failed. */
export function RemindersPage({ program }: { program: ProgramView }) {
  const [view, setView] = useState<ReminderView>("upcoming");
  const list = useReminders(program.id, view);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const show = (next: ReminderView) => {
    setNote(null);
    setError(null);
    setView(next);
  };

  const retry = async (item: ReminderItem) => {
    setNote(null);
    setError(null);
    setBusy(item.key);
    try {
      await api<ReminderItem>(
        programApi(program.id, `/reminders/${encodeURIComponent(item.key)}/retry`),
        { method: "POST" },
      );
      list.remove(item.key);
      setNote(
        `The reminder to ${item.recipient.displayName} will be emailed again in a moment; it is under Waiting until it goes.`,
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  const label = views.find(([key]) => key === view)?.[1] ?? "";
  return (
    <section class="card" aria-labelledby="reminders-t">
      <h2 id="reminders-t">Reminders</h2>
      <fieldset class="choice">
        <legend>Show</legend>
        <div class="toolbar">
          {views.map(([key, text]) => (
            <button
              key={key}
              type="button"
              class={key === view ? "button small primary" : "button small"}
              aria-pressed={key === view}
              onClick={() => show(key)}
            >
              {text}
            </button>
          ))}
        </div>
      </fieldset>
      <p>{viewIntro[view]}</p>
      {list.window && (
        <p class="small muted">
          From {formatDateTime(list.window.from)} to {formatDateTime(list.window.until)}.
        </p>
      )}
      <StatusMessage message={note} />
      <PagedList
        list={list}
        error={error}
        loadingLabel="Loading reminders…"
        empty={emptyView[view]}
        noun={["reminder", "reminders"]}
        hideCountWhenEmpty
      >
        <DataTable
          label={`Reminders: ${label}`}
          columns={["When", "Reminder", "To", "Pair", "How", "Status", "Actions"]}
        >
          {list.items.map((item) => (
            <tr key={item.key}>
              <th scope="row" data-label="When">
                <time dateTime={item.sendAt}>{formatDateTime(item.sendAt)}</time>
              </th>
              <td data-label="Reminder" class="break">
                <strong>{item.ruleLabel}</strong>
                <br />
                <span class="small">{item.text}</span>
              </td>
              <td data-label="To">{item.recipient.displayName}</td>
              <td data-label="Pair">{pairName(item)}</td>
              <td data-label="How">{channelsText(item)}</td>
              <td data-label="Status" class="break">
                {standing(item)}
                {item.lastError && (
                  <>
                    <br />
                    <span class="small">Reason: {item.lastError}</span>
                  </>
                )}
              </td>
              <RetryCell
                failed={item.status === "failed"}
                busy={busy === item.key}
                what={`the reminder to ${item.recipient.displayName}`}
                onRetry={() => retry(item)}
              />
            </tr>
          ))}
        </DataTable>
      </PagedList>
    </section>
  );
}

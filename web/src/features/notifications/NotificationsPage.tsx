import { useState } from "preact/hooks";
import type {
  NotificationView,
  UnreadCountView,
} from "../../../../workers/shared/src/contracts/notifications";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { navigate } from "../../lib/router";
import { useActiveSession } from "../../lib/session-context";
import { useStore } from "../../lib/store";
import { PageHeading, StatusMessage } from "../../ui/feedback";
import { PagedList } from "../../ui/PagedList";
import { usePages } from "../../ui/use-pages";
import { refreshUnread, unread } from "./unread";

/**
 * The notification centre: the member's reminders, newest first. Opening one marks it read and
 * goes where it points; "Mark all as read" clears the bell.
 */
export function NotificationsPage() {
  const { slug } = useActiveSession();
  const list = usePages<NotificationView>("/v1/me/notifications", {}, 0);
  const count = useStore(unread);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (event: Event, n: NotificationView) => {
    event.preventDefault();
    setError(null);
    try {
      if (!n.read) {
        list.replace(
          await api<NotificationView>(`/v1/me/notifications/${encodeURIComponent(n.id)}/read`, {
            method: "POST",
          }),
        );
        await refreshUnread();
      }
      navigate(n.link);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const markAll = async () => {
    setNote(null);
    setError(null);
    setBusy(true);
    try {
      const answer = await api<UnreadCountView>("/v1/me/notifications/read-all", {
        method: "POST",
      });
      unread.set(answer.unread);
      const now = new Date().toISOString();
      for (const n of list.items) if (!n.read) list.replace({ ...n, read: true, readAt: now });
      setNote("All notifications are marked as read.");
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const anyUnread = (count ?? 0) > 0 || list.items.some((n) => !n.read);
  return (
    <>
      <PageHeading title="Notifications">Notifications</PageHeading>
      <p class="lead">
        Reminders about your mentoring: check-ins, meetings, goals and more.{" "}
        <a href={`/o/${slug}/settings/notifications`}>Choose how Tandem reminds you</a>.
      </p>
      <div class="toolbar">
        <button type="button" class="button" disabled={busy || !anyUnread} onClick={markAll}>
          {busy ? "Marking…" : "Mark all as read"}
        </button>
      </div>
      <StatusMessage message={note} />
      <PagedList
        list={list}
        error={error}
        loadingLabel="Loading notifications…"
        empty="No notifications yet. Reminders will appear here."
        noun={["notification", "notifications"]}
        hideCountWhenEmpty
      >
        <ul class="notification-list">
          {list.items.map((n) => (
            <li key={n.id} class={n.read ? "notification" : "notification unread"}>
              <p class="notification-title">
                <a href={n.link} onClick={(event) => open(event, n)}>
                  {n.title}
                </a>
                {n.read ? null : <span class="notification-state">Unread</span>}
              </p>
              <p>{n.body}</p>
              <p class="muted">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      </PagedList>
    </>
  );
}

import "./notifications.css";
import { useEffect } from "preact/hooks";
import { useLocation } from "../../lib/router";
import { useStore } from "../../lib/store";
import { refreshUnread, unread } from "./unread";

const everyMinute = 60_000;

/**
 * The header's link to the notification centre, with the unread count. Its accessible name is
 * the whole sentence ("Notifications, 3 unread"); what it shows is hidden from screen readers.
 * The count is asked for on every page change and once a minute while the tab is visible.
 */
export function Bell({ slug }: { slug: string }) {
  const { path } = useLocation();
  const count = useStore(unread);
  useEffect(() => {
    void refreshUnread();
  }, [path]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refreshUnread();
    }, everyMinute);
    return () => clearInterval(timer);
  }, []);
  const href = `/o/${slug}/notifications`;
  // One name for assistive technology, whatever the layout does to the spaces between parts.
  const name = count ? `Notifications, ${count} unread` : "Notifications";
  return (
    <a class="bell" href={href} aria-current={path === href ? "page" : undefined}>
      <span class="bell-face" aria-hidden="true">
        Notifications
        {count ? <span class="bell-count">{count > 99 ? "99+" : count}</span> : null}
      </span>
      <span class="visually-hidden">{name}</span>
    </a>
  );
}

import type { UnreadCountView } from "../../../../workers/shared/src/contracts/notifications";
import { api } from "../../lib/api";
import { Store } from "../../lib/store";

/** The bell's count, shared by the header and the notification centre; null until known. */
export const unread = new Store<number | null>(null);

/** Asks the API for the count. A failure leaves the last one shown: the bell is not worth an alert. */
export async function refreshUnread(): Promise<void> {
  try {
    unread.set((await api<UnreadCountView>("/v1/me/notifications/unread-count")).unread);
  } catch {
    // The next navigation or tick asks again.
  }
}

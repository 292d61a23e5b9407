import { useCallback, useEffect, useState } from "preact/hooks";
import type {
  ReminderItem,
  RemindersPage,
  ReminderView,
} from "../../../../workers/shared/src/contracts/reminders";
import { api, query } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { programApi } from "../programs/common";

interface State {
  items: ReminderItem[];
  nextCursor: string | null;
  window: RemindersPage["window"];
  loading: boolean;
  error: string | null;
}

const empty: State = { items: [], nextCursor: null, window: null, loading: true, error: null };

/**
 * One view of a program's reminders, a page at a time: the first on load or when the view
 * changes, the next on `loadMore`. Reminders are named by key, so this is not `usePages`.
 */
export function useReminders(programId: string, view: ReminderView) {
  const [state, setState] = useState<State>(empty);
  const fetchPage = useCallback(
    (cursor: string | null) =>
      api<RemindersPage>(programApi(programId, `/reminders${query({ view, cursor })}`)),
    [programId, view],
  );

  useEffect(() => {
    let live = true;
    setState(empty);
    fetchPage(null).then(
      (page) => live && setState({ ...page, loading: false, error: null }),
      (err: unknown) => live && setState({ ...empty, loading: false, error: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [fetchPage]);

  const loadMore = async () => {
    if (!state.nextCursor || state.loading) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await fetchPage(state.nextCursor);
      setState((s) => ({
        ...s,
        items: [...s.items, ...page.items],
        nextCursor: page.nextCursor,
        loading: false,
      }));
    } catch (err) {
      setState((s) => ({ ...s, loading: false, error: messageOf(err) }));
    }
  };

  const remove = (key: string) =>
    setState((s) => ({ ...s, items: s.items.filter((i) => i.key !== key) }));

  return { ...state, loadMore, remove };
}

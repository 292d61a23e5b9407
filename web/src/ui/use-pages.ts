import { useCallback, useEffect, useState } from "preact/hooks";
import type { Page } from "../../../workers/shared/src/contracts/common/pagination";
import { api, query } from "../lib/api";
import { messageOf } from "../lib/problem";

interface Pages<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/**
 * A cursor-paginated list (`?limit=&cursor=`), first page on load or when `params` change,
 * further pages on `loadMore`. `replace` updates one item in place after an action.
 */
export function usePages<T extends { id: string | number }>(
  path: string,
  params: Record<string, string>,
  reloadKey: unknown,
  limit = 25,
) {
  const [state, setState] = useState<Pages<T>>({
    items: [],
    nextCursor: null,
    loading: true,
    error: null,
  });
  const key = JSON.stringify(params);

  const fetchPage = useCallback(
    (cursor: string | null) =>
      api<Page<T>>(`${path}${query({ ...JSON.parse(key), limit, cursor })}`),
    [path, key, limit],
  );

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    fetchPage(null).then(
      (page) => live && setState({ ...page, loading: false, error: null }),
      (err: unknown) =>
        live && setState({ items: [], nextCursor: null, loading: false, error: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [fetchPage, reloadKey]);

  const loadMore = async () => {
    if (!state.nextCursor || state.loading) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await fetchPage(state.nextCursor);
      setState((s) => ({
        items: [...s.items, ...page.items],
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (err) {
      setState((s) => ({ ...s, loading: false, error: messageOf(err) }));
    }
  };

  const replace = (item: T) =>
    setState((s) => ({ ...s, items: s.items.map((i) => (i.id === item.id ? item : i)) }));
  const remove = (id: T["id"]) =>
    setState((s) => ({ ...s, items: s.items.filter((i) => i.id !== id) }));

  return { ...state, loadMore, replace, remove };
}

import type { ComponentChildren } from "preact";
import { EmptyState, ErrorMessage, Loading } from "./feedback";
import { LoadMore } from "./LoadMore";

interface ListState {
  items: readonly unknown[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
}

interface Props {
  /** A `usePages` result. */
  list: ListState;
  /** Shown while the first page loads: "Loading members…". */
  loadingLabel: string;
  /** Shown when there is nothing to list. */
  empty: ComponentChildren;
  /** Singular and plural for the "Showing 25 members" line. */
  noun: readonly [string, string];
  /** An error to show instead of the list's own (an action's). */
  error?: string | null;
  /** Hide the "Showing…" line while the list is empty. */
  hideCountWhenEmpty?: boolean;
  /** The table or list of `list.items`. */
  children: ComponentChildren;
}

/** A cursor-paged list: its error, loading and empty states, the items, then "Load more". */
export function PagedList(props: Props) {
  const { list, noun } = props;
  const none = list.items.length === 0;
  return (
    <>
      <ErrorMessage message={props.error ?? list.error} />
      {list.loading && none ? (
        <Loading label={props.loadingLabel} />
      ) : none && !list.error ? (
        <EmptyState>{props.empty}</EmptyState>
      ) : (
        props.children
      )}
      {!(props.hideCountWhenEmpty && none) && (
        <LoadMore
          shown={list.items.length}
          noun={noun}
          hasMore={list.nextCursor !== null}
          loading={list.loading}
          onMore={list.loadMore}
        />
      )}
    </>
  );
}

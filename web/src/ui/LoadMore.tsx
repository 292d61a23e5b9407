interface Props {
  shown: number;
  /** Singular and plural: ["member", "members"]. */
  noun: readonly [string, string];
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}

/** "Showing 25 members" and, while there are more, a button for the next page. */
export function LoadMore({ shown, noun, hasMore, loading, onMore }: Props) {
  return (
    <div class="load-more">
      <p role="status" aria-live="polite" class="muted">
        {loading
          ? "Loading…"
          : `Showing ${shown} ${shown === 1 ? noun[0] : noun[1]}${hasMore ? "" : " (all)"}`}
      </p>
      {hasMore && (
        <button type="button" class="button" onClick={onMore} disabled={loading}>
          Load more
        </button>
      )}
    </div>
  );
}

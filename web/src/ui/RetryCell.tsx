interface Props {
  /** Whether the row failed and can be sent again; otherwise the cell shows a dash. */
  failed: boolean;
  /** While its retry is on its way. */
  busy: boolean;
  /** How screen readers hear what the button sends again ("the email to ada@…"). */
  what: string;
  onRetry: () => void;
}

/** The Actions cell of a list of deliveries: Retry on a failed row, a dash on the others. */
export function RetryCell({ failed, busy, what, onRetry }: Props) {
  return (
    <td data-label="Actions">
      {failed ? (
        <button type="button" class="button small" disabled={busy} onClick={onRetry}>
          {busy ? "Retrying…" : "Retry"}
          <span class="visually-hidden"> {what}</span>
        </button>
      ) : (
        <span class="muted">—</span>
      )}
    </td>
  );
}

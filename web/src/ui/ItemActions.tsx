interface Props {
  /** The item's place in its list, and the list's length. */
  index: number;
  count: number;
  /** How screen readers hear which item each button acts on. */
  name: string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  removeDisabled?: boolean;
}

/** Move up, move down and remove for one item of an ordered list the keyboard can reorder. */
export function ItemActions({ index, count, name, onMove, onRemove, removeDisabled }: Props) {
  return (
    <div class="row-actions item-actions">
      <button
        type="button"
        class="button small"
        data-control="up"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        Move up<span class="visually-hidden">: {name}</span>
      </button>
      <button
        type="button"
        class="button small"
        data-control="down"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        Move down<span class="visually-hidden">: {name}</span>
      </button>
      <button
        type="button"
        class="button small danger"
        data-control="remove"
        disabled={removeDisabled}
        onClick={() => onRemove(index)}
      >
        Remove<span class="visually-hidden">: {name}</span>
      </button>
    </div>
  );
}

/** An open commitment of the pair, as the next meeting's agenda lists it. */
export interface OpenCommitment {
  text: string;
  ownerName: string;
  dueOn: string;
}

const maxCommitmentItems = 10;
const maxItemLength = 160;

/**
 * A meeting's agenda: the program's items first, then what the pair promised last time and
 * has not done yet (so every meeting starts by following through), then the pair's own items.
 * Kept with the meeting, so a later change of the program's rules never rewrites history.
 */
export function composeAgenda(
  programItems: readonly string[],
  openCommitments: readonly OpenCommitment[],
  extraItems: readonly string[],
): string[] {
  const followUps = openCommitments
    .slice(0, maxCommitmentItems)
    .map((c) => clip(`Open commitment from last time: ${c.text} (${c.ownerName}, due ${c.dueOn})`));
  const more = openCommitments.length - maxCommitmentItems;
  if (more > 0) followUps.push(`…and ${more} more open commitments`);
  return [...programItems, ...followUps, ...extraItems];
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= maxItemLength ? line : `${line.slice(0, maxItemLength - 1)}…`;
}

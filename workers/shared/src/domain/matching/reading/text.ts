import { remembered } from "../../remembered";

/**
 * Text helpers shared by the criteria: how tags compare and how lists read in explanations.
 *
 * Tags compare case-, space- and punctuation-insensitively ("Machine learning",
 * "machine-learning" and "MachineLearning" are one tag; so are "Node.js" and "nodejs"),
 * because members type them by hand. "C++" and "C#" keep their symbols so they stay apart.
 */

const wordPattern = /[\p{L}\p{N}+#]+/gu;

/** The words of a text, lower-cased, in order. */
export function words(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(wordPattern) ?? [];
}

/** The key a tag compares by. Empty for a tag with no letters or digits. */
export const tagKey = remembered((tag) => words(tag).join(""));

/** Tag keys → the tag as first written, skipping blanks and repeats. */
export function tagMap(tags: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of tags) {
    const key = tagKey(tag);
    if (key && !map.has(key)) map.set(key, tag.trim());
  }
  return map;
}

/**
 * Every run of one to four consecutive words of a text, as tag keys: a skill is "in" a
 * mentee's goals when its key is among these ("I want to get better at public speaking"
 * contains "Public Speaking").
 */
export function phraseKeys(text: string, longest = 4): Set<string> {
  const all = words(text);
  const keys = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    let key = "";
    for (let j = i; j < Math.min(all.length, i + longest); j++) {
      key += all[j];
      keys.add(key);
    }
  }
  return keys;
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** At most `max` items, then "and N more". */
export function shortList(items: readonly string[], max = 3): string {
  if (items.length <= max) return list(items);
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export const plural = (n: number, unit: string, units = `${unit}s`) =>
  `${n} ${n === 1 ? unit : units}`;

/** Hours with at most one decimal: 9, 9.5. */
export const hours = (minutes: number) => Math.round(minutes / 6) / 10;

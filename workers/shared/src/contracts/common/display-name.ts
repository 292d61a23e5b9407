import * as v from "valibot";

/** One rule for a member's name wherever it is entered: invitations, accepting, profile. */
export const maxDisplayNameLength = 100;

/** A name as text: trimmed, bounded, printable; may be blank (callers decide). */
export const displayNameText = v.pipe(
  v.string("Display name must be text."),
  v.trim(),
  v.maxLength(
    maxDisplayNameLength,
    `Display name must be at most ${maxDisplayNameLength} characters.`,
  ),
  v.regex(/^[^\p{Cc}]*$/u, "Display name may not contain control characters."),
);

export const displayName = v.pipe(displayNameText, v.nonEmpty("Display name is required."));

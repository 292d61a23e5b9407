import * as v from "valibot";

/** A token from an emailed link (invitation, reset, email change), as the client sends it. */
export const linkToken = v.pipe(
  v.string("Token must be text."),
  v.nonEmpty("Token is required."),
  v.maxLength(200, "Token must be at most 200 characters."),
);

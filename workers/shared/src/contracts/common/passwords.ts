import * as v from "valibot";
import { isCommonPassword } from "../../security/common-passwords";
import { passwordMaxLength, passwordMinLength } from "./limits";

/** The rules a new password must meet; failures are field-level validation errors. */
export const newPassword = v.pipe(
  v.string("Password must be text."),
  v.minLength(passwordMinLength, `Password must be at least ${passwordMinLength} characters.`),
  v.maxLength(passwordMaxLength, `Password must be at most ${passwordMaxLength} characters.`),
  v.check(
    (password) => !isCommonPassword(password),
    "That password is too common; choose one that is harder to guess.",
  ),
);

/** A password offered to be checked (sign-in, re-confirmation): no policy, just bounds. */
export const offeredPassword = v.pipe(
  v.string("Password must be text."),
  v.minLength(1, "Password is required."),
  v.maxLength(passwordMaxLength, `Password must be at most ${passwordMaxLength} characters.`),
);

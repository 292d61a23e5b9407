import { AppError } from "../../../shared/src/contracts/common/errors";

/**
 * A 400 about one field that passed the schema but fails a rule only a service can check,
 * worded like parseInput's problems ("field: message") so clients handle both alike.
 */
export function invalidField(field: string, message: string): AppError {
  return new AppError("validation", `${field}: ${message}`, { errors: [{ field, message }] });
}

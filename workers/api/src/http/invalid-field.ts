import { AppError } from "../../../shared/src/contracts/common/errors";
import { problemDetail } from "../../../shared/src/contracts/common/validate";

/**
 * A 400 about one field that passed the schema but fails a rule only a service can check,
 * worded like parseInput's problems so clients handle both alike: the field's path for
 * programs in `errors`, the message (which names the field as people see it) as the detail.
 */
export function invalidField(field: string, message: string): AppError {
  const errors = [{ field, message }];
  return new AppError("validation", problemDetail(errors), { errors });
}

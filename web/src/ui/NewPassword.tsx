import { passwordMinLength } from "../../../workers/shared/src/contracts/common/limits";
import { passwordProblem } from "../lib/format";
import { TextField } from "./fields";
import type { FieldErrors } from "./use-form";

export interface NewPasswordValue {
  password: string;
  confirm: string;
}

/** Client checks for a new password and its confirmation, keyed by the API's field name. */
export function checkNewPassword(value: NewPasswordValue, field = "password"): FieldErrors {
  const problem = passwordProblem(value.password);
  if (problem) return { [field]: problem };
  if (value.confirm !== value.password) return { confirm: "The two passwords don't match." };
  return {};
}

interface Props {
  value: NewPasswordValue;
  onValue: (value: NewPasswordValue) => void;
  errors: FieldErrors;
  field?: string;
  label?: string;
}

export function NewPasswordFields({ value, onValue, errors, field = "password", label }: Props) {
  return (
    <>
      <TextField
        label={label ?? "Password"}
        name={field}
        type="password"
        value={value.password}
        onValue={(password) => onValue({ ...value, password })}
        hint={`At least ${passwordMinLength} characters. Common passwords are refused.`}
        error={errors[field]}
        autoComplete="new-password"
        required
      />
      <TextField
        label="Confirm password"
        name="confirm"
        type="password"
        value={value.confirm}
        onValue={(confirm) => onValue({ ...value, confirm })}
        error={errors.confirm}
        autoComplete="new-password"
        required
      />
    </>
  );
}

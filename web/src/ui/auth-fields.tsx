import { TextField } from "./fields";

interface Props {
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  label?: string;
  name?: string;
}

/** An email address field; `autoComplete` is "username" on sign-in forms. */
export function EmailField(props: Props & { autoComplete?: "email" | "username" }) {
  const { label = "Email", name = "email", autoComplete = "email", ...rest } = props;
  return (
    <TextField
      label={label}
      name={name}
      type="email"
      autoComplete={autoComplete}
      required
      {...rest}
    />
  );
}

/** The member's existing password (sign-in or re-confirmation), for password managers. */
export function CurrentPasswordField(props: Props) {
  const { label = "Password", name = "password", ...rest } = props;
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="current-password"
      required
      {...rest}
    />
  );
}

import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, messageOf } from "../lib/problem";

/** Messages by field name; an undefined entry means the field is fine. */
export type FieldErrors = Record<string, string | undefined>;

interface FormState {
  busy: boolean;
  error: string | null;
  fields: FieldErrors;
  /** Bumped on each failed attempt so focus moves to the first invalid field again. */
  attempt: number;
}

const idle: FormState = { busy: false, error: null, fields: {}, attempt: 0 };

const correctFields = (fields: FieldErrors) =>
  Object.keys(fields).length === 1
    ? "Please correct the highlighted field."
    : "Please correct the highlighted fields.";

/** Splits an API failure into messages by field (for the fields this form shows) and the rest. */
function describe(err: unknown, known: readonly string[]): Pick<FormState, "error" | "fields"> {
  if (!(err instanceof ApiError) || err.errors.length === 0) {
    return { error: messageOf(err), fields: {} };
  }
  const fields: FieldErrors = {};
  const others: string[] = [];
  for (const e of err.errors) {
    // "jwk.crv" belongs to the jwk field: nested paths land on their top-level field.
    const key = known.find((k) => e.field === k || e.field.startsWith(`${k}.`));
    if (key === undefined) others.push(e.message);
    else if (!fields[key]) fields[key] = e.message;
  }
  const error = others.length > 0 ? others.join(" ") : correctFields(fields);
  return { error, fields };
}

/**
 * Submission state for one form: client checks first, then the API call; errors land next to
 * their fields and in the form's alert, and focus goes to the first invalid field.
 */
export function useForm(known: readonly string[]) {
  const [state, setState] = useState<FormState>(idle);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.attempt === 0 || state.busy) return;
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    invalid?.focus();
  }, [state.attempt, state.busy]);

  async function submit(check: () => FieldErrors, action: () => Promise<void>): Promise<void> {
    if (state.busy) return;
    const fields = Object.fromEntries(Object.entries(check()).filter(([, message]) => message));
    if (Object.keys(fields).length > 0) {
      const error = correctFields(fields);
      setState((s) => ({ busy: false, error, fields, attempt: s.attempt + 1 }));
      return;
    }
    setState((s) => ({ ...s, busy: true, error: null, fields: {} }));
    try {
      await action();
      setState((s) => ({ ...idle, attempt: s.attempt }));
    } catch (err) {
      setState((s) => ({ busy: false, ...describe(err, known), attempt: s.attempt + 1 }));
    }
  }

  const reset = () => setState(idle);
  return { ...state, formRef, submit, reset };
}

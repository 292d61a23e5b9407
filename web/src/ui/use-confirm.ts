import { useState } from "preact/hooks";
import { messageOf } from "../lib/problem";

/**
 * State for a confirmation dialog about one subject (a row, a decision): what is being asked,
 * whether the action runs, and its error shown inside the dialog. The dialog closes on success.
 */
export function useConfirm<T>() {
  const [asking, setAsking] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ask = (subject: T) => {
    setError(null);
    setAsking(subject);
  };
  const cancel = () => setAsking(null);
  const run = async (action: (subject: T) => Promise<void>) => {
    if (!asking) return;
    setBusy(true);
    setError(null);
    try {
      await action(asking);
      setAsking(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { asking, busy, error, ask, cancel, run };
}

import { useEffect, useState } from "preact/hooks";
import type { RulesPreview } from "../../../../../workers/shared/src/contracts/programs";
import { api } from "../../../lib/api";
import { ApiError } from "../../../lib/problem";
import { programApi } from "../common";

interface PreviewState {
  /** The draft the answer is about, as JSON: an answer about older text is not shown. */
  for: string;
  answer: RulesPreview | null;
  unavailable: boolean;
}

/**
 * The server's view of a draft (contradictions the schema alone can't see, and its summary),
 * asked for once typing pauses.
 */
export function useRulesPreview(programId: string, rules: unknown, enabled: boolean, delay = 500) {
  const key = JSON.stringify(rules);
  const [state, setState] = useState<PreviewState>({ for: "", answer: null, unavailable: false });

  useEffect(() => {
    if (!enabled || state.unavailable) return;
    let live = true;
    const timer = setTimeout(() => {
      api<RulesPreview>(programApi(programId, "/rules/preview"), {
        method: "POST",
        body: { rules: JSON.parse(key) },
      }).then(
        (answer) => live && setState({ for: key, answer, unavailable: false }),
        (err: unknown) => {
          if (!live) return;
          // A 400 carries the same field errors a preview would.
          if (err instanceof ApiError && err.status === 400) {
            const answer = { valid: false, errors: err.errors, summary: [] };
            setState({ for: key, answer, unavailable: false });
          } else if (err instanceof ApiError && (err.status === 404 || err.status === 405)) {
            setState((s) => ({ ...s, unavailable: true }));
          }
        },
      );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [programId, key, enabled, delay, state.unavailable]);

  const fresh = state.for === key ? state.answer : null;
  return { preview: fresh, pending: enabled && !state.unavailable && state.for !== key };
}

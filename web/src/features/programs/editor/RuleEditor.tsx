import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ProgramView } from "../../../../../workers/shared/src/contracts/programs";
import {
  applicationForm,
  type ProgramRules,
  programRules,
  rulesProblems,
  summarizeRules,
} from "../../../../../workers/shared/src/domain/program-rules";
import { api } from "../../../lib/api";
import { count } from "../../../lib/format";
import { ApiError, messageOf } from "../../../lib/problem";
import { ErrorMessage, FormActions, StatusMessage } from "../../../ui/feedback";
import { programApi } from "../common";
import type { ProgramProps } from "../ProgramPage";
import { RuleSummary } from "../parts";
import { ProblemList } from "./ProblemList";
import { RuleSections, ruleSections } from "./RuleSections";
import { shapeOf } from "./shape";
import { useRulesPreview } from "./use-preview";
import { VersionHistory } from "./VersionHistory";
import { problemMap, schemaProblems, withinBody } from "./validate";

type Rules = Record<string, unknown>;

/** The program's rules by section, checked as they are typed, with what they will do beside. */
export function RuleEditor({ program, onProgram }: ProgramProps) {
  const [draft, setDraft] = useState<Rules>(program.rules);
  const [base, setBase] = useState(program);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [section, setSection] = useState("meetings");
  /** What takes focus once the next render is drawn: the first problem, or the form itself. */
  const [focusNext, setFocusNext] = useState<"problem" | "form" | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(base.rules);

  const local = useMemo(() => {
    const { output, problems } = schemaProblems(programRules, draft);
    if (!output) return { output, problems };
    const form = schemaProblems(applicationForm, program.applicationForm).output;
    const shape = { ...program, applicationForm: form };
    return { output, problems: rulesProblems(output as ProgramRules, shape) };
  }, [draft, program]);
  const { preview, pending } = useRulesPreview(program.id, draft, dirty);
  const serverProblems = (preview?.errors ?? []).map((e) => ({
    ...e,
    field: withinBody(e.field, "rules"),
  }));
  const errors = problemMap(local.problems, serverProblems);
  const summary = !dirty
    ? base.summary
    : preview?.summary.length
      ? preview.summary
      : local.output
        ? summarizeRules(local.output as ProgramRules)
        : base.summary;
  const shape = useMemo(() => shapeOf(programRules, draft), [draft]);

  useEffect(() => {
    if (!focusNext) return;
    setFocusNext(null);
    const target =
      focusNext === "problem"
        ? form.current?.querySelector<HTMLElement>("[aria-invalid='true']")
        : form.current;
    target?.focus();
  }, [focusNext]);

  const reload = async () => {
    setError(null);
    try {
      const fresh = await api<ProgramView>(programApi(program.id));
      onProgram(fresh);
      setBase(fresh);
      setDraft(fresh.rules);
      setConflict(false);
      setHistoryKey((k) => k + 1);
      setSaved(`Reloaded version ${fresh.rulesVersion}.`);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const save = async () => {
    setSaved(null);
    setError(null);
    if (errors.size > 0) {
      setError(`Fix ${count(errors.size, "problem")} before saving.`);
      // The first problem may sit behind another section's tab: show that section first.
      const first = [...errors.keys()][0]?.split(".")[0];
      if (shape.kind === "group" && ruleSections(shape).some((g) => g.key === first)) {
        setSection(first ?? section);
      }
      setFocusNext("problem");
      return;
    }
    setBusy(true);
    try {
      const next = await api<ProgramView>(programApi(program.id, "/rules"), {
        method: "PUT",
        body: { rules: draft, expectedVersion: base.rulesVersion },
      });
      onProgram(next);
      setBase(next);
      setDraft(next.rules);
      setHistoryKey((k) => k + 1);
      setSaved(`Saved. These rules are version ${next.rulesVersion} and apply from now on.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="rule-layout">
      <form
        ref={form}
        class="rule-editor"
        aria-label="Program rules"
        tabIndex={-1}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {shape.kind === "group" && (
          <RuleSections
            shape={shape}
            value={draft}
            onValue={(next) => {
              setSaved(null);
              setDraft(next as Rules);
            }}
            errors={errors}
            current={section}
            onSection={setSection}
          />
        )}
        <div class="save-bar">
          {conflict && (
            <div class="alert alert-error" role="alert">
              <p>
                Someone else changed these rules while you were editing, so yours were not saved.
                Reload to see their version; your changes here will be replaced.
              </p>
              <button type="button" class="button small" onClick={reload}>
                Reload the latest rules
              </button>
            </div>
          )}
          <ErrorMessage message={error} />
          <StatusMessage message={saved} />
          <FormActions>
            <button type="submit" class="button primary" disabled={busy || !dirty}>
              {busy ? "Saving…" : dirty ? "Save rules" : "No changes to save"}
            </button>
            {dirty && (
              <button
                type="button"
                class="button"
                onClick={() => {
                  setDraft(base.rules);
                  setError(null);
                  setSaved("Changes discarded: these are the saved rules.");
                  // The button disappears with the changes: keep focus in the editor.
                  setFocusNext("form");
                }}
              >
                Discard changes
              </button>
            )}
          </FormActions>
        </div>
      </form>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls on its own beside the long form, so a keyboard must reach it (WCAG 2.1.1) */}
      <aside class="rule-aside" aria-label="Summary of the rules" tabIndex={0}>
        <div class="card" aria-live="polite">
          <RuleSummary summary={summary} level={2}>
            <p class="small muted">
              {dirty
                ? pending
                  ? "Checking your changes…"
                  : "Unsaved changes: this is what the rules will do once saved."
                : `Version ${base.rulesVersion}, as saved.`}
            </p>
          </RuleSummary>
          <ProblemList problems={errors} />
        </div>
        <VersionHistory programId={program.id} current={base.rulesVersion} version={historyKey} />
      </aside>
    </div>
  );
}

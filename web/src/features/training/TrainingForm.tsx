import { useEffect, useState } from "preact/hooks";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import type { TrainingView } from "../../../../workers/shared/src/contracts/training";
import { api } from "../../lib/api";
import { ErrorMessage, FormActions, SubmitButton } from "../../ui/feedback";
import { SelectField, TextAreaField, TextField } from "../../ui/fields";
import { type FieldErrors, useForm } from "../../ui/use-form";
import { programApi } from "../programs/common";

export const kinds = [
  ["link", "Link to a page or video"],
  ["document", "Document (text shown in Tandem)"],
  ["quiz", "Quiz"],
] as const;
const audiences = [
  ["both", "Mentors and mentees"],
  ["mentor", "Mentors"],
  ["mentee", "Mentees"],
] as const;

const example = "Who do you contact if a mentee is at risk?\n* The coordinator\nTheir manager";

/** Quiz text: a question line, then its options; the right one starts with "*". */
export function parseQuiz(text: string) {
  const quiz: { question: string; options: string[]; answer: number }[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const [question, ...lines] = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (!question) continue;
    const answer = lines.findIndex((l) => l.startsWith("*"));
    quiz.push({ question, options: lines.map((l) => l.replace(/^\*\s*/, "")), answer });
  }
  return quiz;
}

function checkQuiz(text: string): string | undefined {
  const quiz = parseQuiz(text);
  if (quiz.length === 0) return "Write at least one question.";
  const bad = quiz.findIndex((q) => q.options.length < 2 || q.answer < 0);
  return bad >= 0 ? `Question ${bad + 1} needs two or more options, one marked with *.` : undefined;
}

/** A quiz as the text the form edits: the inverse of parseQuiz. */
export function quizText(quiz: TrainingView["quiz"]): string {
  return (quiz ?? [])
    .map((q) =>
      [q.question, ...q.options.map((o, i) => (i === q.answer ? `* ${o}` : o))].join("\n"),
    )
    .join("\n\n");
}

interface Props {
  program: ProgramView;
  /** The resource being changed, or null to add a new one. */
  editing: TrainingView | null;
  onDone: (note: string) => void;
  onCancel: () => void;
}

/** Adds a training resource, or changes the one being edited. */
export function TrainingForm({ program, editing, onDone, onCancel }: Props) {
  // Filled from the resource on the first render: the form is keyed by what it edits, so
  // switching resources starts afresh, and nothing typed is overwritten a render later.
  const [title, setTitle] = useState(editing?.title ?? "");
  const [kind, setKind] = useState<string>(editing?.kind ?? "link");
  const [url, setUrl] = useState(editing?.url ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [quiz, setQuiz] = useState(editing ? quizText(editing.quiz) : "");
  const [requiredFor, setRequiredFor] = useState<string>(editing?.requiredFor ?? "both");
  const form = useForm(["title", "kind", "url", "body", "quiz", "requiredFor"]);

  useEffect(() => {
    if (editing) form.formRef.current?.querySelector<HTMLElement>("input, select")?.focus();
  }, [editing]);

  const check = (): FieldErrors => ({
    title: title.trim() ? undefined : "Give the resource a title.",
    url:
      kind === "link" && !/^https?:\/\/\S+$/.test(url.trim()) ? "Enter a web address." : undefined,
    body: kind === "document" && !body.trim() ? "Write the document's text." : undefined,
    quiz: kind === "quiz" ? checkQuiz(quiz) : undefined,
  });
  const save = async () => {
    const resource = {
      title: title.trim(),
      kind,
      requiredFor,
      url: kind === "link" ? url.trim() : null,
      body: kind === "document" ? body : null,
      quiz: kind === "quiz" ? parseQuiz(quiz) : null,
    };
    const path = editing ? `/training/${encodeURIComponent(editing.id)}` : "/training";
    await api(programApi(program.id, path), {
      method: editing ? "PATCH" : "POST",
      body: resource,
    });
    onDone(editing ? `Saved “${resource.title}”.` : `Added “${resource.title}”.`);
    if (!editing) {
      setTitle("");
      setUrl("");
      setBody("");
      setQuiz("");
    }
  };
  const heading = editing ? `Edit “${editing.title}”` : "Add training";

  return (
    <form
      ref={form.formRef}
      class="card"
      aria-labelledby="add-training-t"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(check, save);
      }}
    >
      <h2 id="add-training-t">{heading}</h2>
      <TextField
        label="Title"
        name="title"
        value={title}
        onValue={setTitle}
        error={form.fields.title}
      />
      <SelectField label="Kind" name="kind" value={kind} onValue={setKind} options={kinds} />
      {kind === "link" && (
        <TextField
          label="Web address"
          name="url"
          type="url"
          value={url}
          onValue={setUrl}
          error={form.fields.url}
        />
      )}
      {kind === "document" && (
        <TextAreaField
          label="Text"
          name="body"
          value={body}
          onValue={setBody}
          error={form.fields.body}
          rows={6}
        />
      )}
      {kind === "quiz" && (
        <TextAreaField
          label="Questions"
          name="quiz"
          value={quiz}
          onValue={setQuiz}
          error={form.fields.quiz}
          hint={`One question per paragraph: the question, then one option per line; mark the right one with *. For example:\n${example}`}
          rows={8}
        />
      )}
      <SelectField
        label="Required for"
        name="requiredFor"
        value={requiredFor}
        onValue={setRequiredFor}
        options={audiences}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
          {editing ? "Save changes" : "Add training"}
        </SubmitButton>
        {editing && (
          <button type="button" class="button" onClick={onCancel}>
            Cancel editing
          </button>
        )}
      </FormActions>
    </form>
  );
}

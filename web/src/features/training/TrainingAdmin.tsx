import { useState } from "preact/hooks";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import type { TrainingList } from "../../../../workers/shared/src/contracts/training";
import { api } from "../../lib/api";
import {
  EmptyState,
  ErrorMessage,
  FormActions,
  Loading,
  StatusMessage,
  SubmitButton,
} from "../../ui/feedback";
import { SelectField, TextAreaField, TextField } from "../../ui/fields";
import { type FieldErrors, useForm } from "../../ui/use-form";
import { useLoad } from "../../ui/use-load";
import { programApi, roleName } from "../programs/common";

const kinds = [
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

/** Training a program asks for before matching: links, short documents and quizzes. */
export function TrainingAdmin({ program }: { program: ProgramView }) {
  const list = useLoad(() => api<TrainingList>(programApi(program.id, "/training")), [program.id]);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState("link");
  const [url, setUrl] = useState("");
  const [body, setBody] = useState("");
  const [quiz, setQuiz] = useState("");
  const [requiredFor, setRequiredFor] = useState("both");
  const [note, setNote] = useState<string | null>(null);
  const form = useForm(["title", "kind", "url", "body", "quiz", "requiredFor"]);

  const check = (): FieldErrors => ({
    title: title.trim() ? undefined : "Give the resource a title.",
    url:
      kind === "link" && !/^https?:\/\/\S+$/.test(url.trim()) ? "Enter a web address." : undefined,
    body: kind === "document" && !body.trim() ? "Write the document's text." : undefined,
    quiz: kind === "quiz" ? checkQuiz(quiz) : undefined,
  });
  const add = async () => {
    setNote(null);
    await api(programApi(program.id, "/training"), {
      method: "POST",
      body: {
        title: title.trim(),
        kind,
        requiredFor,
        ...(kind === "link" ? { url: url.trim() } : {}),
        ...(kind === "document" ? { body } : {}),
        ...(kind === "quiz" ? { quiz: parseQuiz(quiz) } : {}),
      },
    });
    setNote(`Added “${title.trim()}”.`);
    setTitle("");
    setUrl("");
    setBody("");
    setQuiz("");
    list.reload();
  };

  return (
    <div class="grid-2">
      <section class="card" aria-labelledby="training-t">
        <h2 id="training-t">Training resources</h2>
        <ErrorMessage message={list.error} />
        {list.loading && !list.data ? (
          <Loading label="Loading training…" />
        ) : list.data?.items.length === 0 ? (
          <EmptyState>No training yet. Members can be matched without any.</EmptyState>
        ) : (
          <ol class="training-list">
            {list.data?.items.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong>{" "}
                <span class="muted small">
                  {kinds.find(([k]) => k === r.kind)?.[1].split(" (")[0]} · required for{" "}
                  {roleName(r.requiredFor).toLowerCase()}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <form
        ref={form.formRef}
        class="card"
        aria-labelledby="add-training-t"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(check, add);
        }}
      >
        <h2 id="add-training-t">Add training</h2>
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
        <StatusMessage message={note} />
        <FormActions>
          <SubmitButton busy={form.busy} busyLabel="Adding…" primary>
            Add training
          </SubmitButton>
        </FormActions>
      </form>
    </div>
  );
}

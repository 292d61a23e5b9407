import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../../workers/shared/src/contracts/common/validate";
import {
  type ApplicationFormInput,
  answersSchema,
  applicationForm,
  defaultApplicationForm,
} from "../../../workers/shared/src/domain/program-rules";

function formProblems(input: unknown) {
  const result = v.safeParse(applicationForm, input);
  return result.success ? [] : fieldErrors(result.issues);
}

describe("application form", () => {
  it("defaults to the profile fields matching needs and a few open questions", () => {
    const form = v.parse(applicationForm, {});
    expect(form.profileFields).toEqual({
      interests: "required",
      skills: "optional",
      department: "optional",
      seniority: "optional",
      languages: "optional",
      timeZone: "optional",
      availability: "required",
    });
    expect(form.questions.map((q) => q.id)).toEqual([
      "hopes",
      "meeting_preference",
      "anything_else",
    ]);
    expect(defaultApplicationForm()).toEqual(form);
  });

  it("merges partial profile fields with the defaults", () => {
    const form = v.parse(applicationForm, { profileFields: { languages: "hidden" } });
    expect(form.profileFields.languages).toBe("hidden");
    expect(form.profileFields.interests).toBe("required");
  });

  it.each([
    [
      "profileFields.skills",
      { profileFields: { skills: "maybe" } },
      "Application form: skills must be one of: required, optional, hidden.",
    ],
    [
      "questions.0.options",
      { questions: [{ id: "q", label: "Pick one", kind: "choice", options: ["Only"] }] },
      "Application form: a choice question needs at least 2 options.",
    ],
    [
      "questions.0.options",
      { questions: [{ id: "q", label: "Pick some", kind: "multi_choice" }] },
      "Application form: a choice question needs at least 2 options.",
    ],
    [
      "questions.0.options",
      { questions: [{ id: "q", label: "Tell us", kind: "long_text", options: ["a", "b"] }] },
      "Application form: only choice questions have options.",
    ],
    [
      "questions.0.options",
      { questions: [{ id: "q", label: "Pick one", kind: "choice", options: ["a", "a"] }] },
      "Application form: list each option once.",
    ],
    [
      "questions.0.options.1",
      { questions: [{ id: "q", label: "Pick one", kind: "choice", options: ["a", " "] }] },
      "Application form: an option cannot be empty.",
    ],
    [
      "questions.0.kind",
      { questions: [{ id: "q", label: "Upload", kind: "file" }] },
      "Application form: the answer kind must be one of: " +
        "short_text, long_text, choice, multi_choice, scale.",
    ],
    [
      "questions.1.id",
      {
        questions: [
          { id: "q", label: "First?", kind: "scale" },
          { id: "q", label: "Second?", kind: "scale" },
        ],
      },
      'Application form: the question id "q" is used twice.',
    ],
    [
      "questions",
      { questions: Array(31).fill({ id: "q", label: "Again?", kind: "scale" }) },
      "Application form: ask at most 30 questions.",
    ],
  ])("refuses a bad %s", (field, input, message) => {
    expect(formProblems(input)).toContainEqual({ field, message });
  });
});

const form = v.parse(applicationForm, {
  questions: [
    { id: "why", label: "Why join?", kind: "long_text", required: true },
    { id: "nickname", label: "What should we call you?", kind: "short_text" },
    {
      id: "format",
      label: "How do you like to meet?",
      kind: "choice",
      required: true,
      options: ["In person", "Video"],
    },
    {
      id: "topics",
      label: "Topics?",
      kind: "multi_choice",
      required: true,
      options: ["Study", "Careers", "Wellbeing"],
    },
    { id: "confidence", label: "How confident are you?", kind: "scale" },
  ],
} satisfies ApplicationFormInput);

function answerProblems(answers: unknown) {
  const result = v.safeParse(answersSchema(form), answers);
  return result.success ? [] : fieldErrors(result.issues);
}

describe("answers to an application form", () => {
  it("accepts complete answers and trims text", () => {
    const answers = {
      why: "  To grow.  ",
      format: "Video",
      topics: ["Study", "Careers"],
      confidence: 4,
    };
    expect(v.parse(answersSchema(form), answers)).toEqual({ ...answers, why: "To grow." });
  });

  it("lets optional questions be left out or null", () => {
    const answers = { why: "To grow.", format: "Video", topics: ["Study"], nickname: null };
    expect(answerProblems(answers)).toEqual([]);
  });

  it("names each required question that has no answer", () => {
    expect(answerProblems({ why: "   ", topics: [] })).toEqual([
      { field: "why", message: 'Answers: "Why join?" needs an answer.' },
      { field: "format", message: 'Answers: "How do you like to meet?" needs an answer.' },
      { field: "topics", message: 'Answers: "Topics?": choose at least one.' },
    ]);
  });

  it("refuses choices that are not among the options", () => {
    const found = answerProblems({ why: "x", format: "Phone", topics: ["Study", "Cooking"] });
    expect(found).toEqual([
      {
        field: "format",
        message: 'Answers: "How do you like to meet?": choose one of: In person, Video.',
      },
      {
        field: "topics.1",
        message: 'Answers: "Topics?": choose one of: Study, Careers, Wellbeing.',
      },
    ]);
  });

  it("refuses a scale answer outside 1 to 5 and a repeated choice", () => {
    const found = answerProblems({
      why: "x",
      format: "Video",
      topics: ["Study", "Study"],
      confidence: 6,
    });
    expect(found).toEqual([
      { field: "topics", message: 'Answers: "Topics?": choose each option once.' },
      {
        field: "confidence",
        message: 'Answers: "How confident are you?" needs a number from 1 to 5.',
      },
    ]);
  });

  it("refuses answers to questions the form does not have, rather than dropping them", () => {
    const found = answerProblems({ why: "x", format: "Video", topics: ["Study"], shoe_size: "44" });
    expect(found).toEqual([
      { field: "shoe_size", message: "Answers: this question is not on the form." },
    ]);
  });

  it("refuses something that is not an answers object", () => {
    expect(answerProblems("why")).toEqual([{ field: "", message: "Answers must be an object." }]);
  });
});

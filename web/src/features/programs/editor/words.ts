// How the editors name the schema's keys and what they say about each group of rules.

interface Section {
  match: RegExp;
  title: string;
  guidance: string;
}

/** The rule groups in the order coordinators think about them, with advice from practice. */
export const sections: Section[] = [
  {
    match: /meeting/i,
    title: "Meetings",
    guidance:
      "Relationships that meet on a steady rhythm last; ones that meet “when we can” " +
      "drift. Agree how often pairs meet and for how long, and Tandem nudges them when a " +
      "meeting is overdue.",
  },
  {
    match: /check.?in/i,
    title: "Check-ins",
    guidance:
      "Short, regular check-ins build trust: a two-minute pulse every couple of weeks lets " +
      "a pair notice small problems before they grow, and tells you which pairs need help.",
  },
  {
    match: /coordinator|contact|touch/i,
    title: "Coordinator contact",
    guidance:
      "Pairs do better when someone outside the pair checks in now and then. Plan when you " +
      "reach out, so no pair goes months without hearing from you.",
  },
  {
    match: /evaluat|survey|feedback/i,
    title: "Evaluations",
    guidance:
      "Ask mid-way and at the end, while there is still time to act on the answers. Keep " +
      "questions few and specific; the same questions every cohort let you compare.",
  },
  {
    match: /goal/i,
    title: "Goals",
    guidance:
      "Mentees who name two or three concrete goals early get more from the relationship. " +
      "Regular goal reviews keep the conversation pointed somewhere.",
  },
  {
    match: /agreement|confidential/i,
    title: "Mentoring agreement",
    guidance:
      "A written agreement settles expectations before they clash: how often to meet, how " +
      "to reach each other, what stays private. Confidentiality has one limit both must " +
      "know from the start: a risk of harm to someone is always passed on to the coordinator.",
  },
  {
    match: /match/i,
    title: "Matching",
    guidance:
      "Weigh what really predicts a good pair for your program. Use 10 only for what is a " +
      "must; every extra must shrinks the pool and leaves people unmatched.",
  },
  {
    match: /training|onboard/i,
    title: "Training",
    guidance:
      "A short briefing before matching sets expectations and makes the first meeting " +
      "easier, above all for first-time mentors.",
  },
  {
    match: /remind|notif|escalat/i,
    title: "Reminders",
    guidance:
      "A timely reminder is help; a flood is noise people learn to ignore. Escalate to a " +
      "coordinator only when something is really overdue.",
  },
  {
    match: /clos|end|wrap/i,
    title: "Closure",
    guidance:
      "Every relationship should end on purpose: a closing conversation, a look back at the " +
      "goals and a thank-you, whether it ends on schedule or early.",
  },
];

export function sectionOf(key: string): { index: number; title: string; guidance: string } {
  const index = sections.findIndex((s) => s.match.test(key));
  const found = sections[index];
  return found
    ? { index, title: found.title, guidance: found.guidance }
    : { index: sections.length, title: humanize(key), guidance: "" };
}

const UNITS: [RegExp, string][] = [
  [/Days$/, "days"],
  [/Hours$/, "hours"],
  [/Minutes$/, "minutes"],
  [/Weeks$/, "weeks"],
  [/Percent$/, "%"],
];

const WORDS: Record<string, string> = {
  id: "ID",
  url: "URL",
  checkin: "check-in",
  checkins: "check-ins",
};

/** "frequencyDays" → "Frequency (days)"; "checkInQuestions" → "Check-in questions". */
export function humanize(key: string): string {
  let unit = "";
  let base = key;
  for (const [pattern, name] of UNITS) {
    if (pattern.test(base) && base.replace(pattern, "")) {
      unit = ` (${name})`;
      base = base.replace(pattern, "");
      break;
    }
  }
  const words = base
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/check in/g, "checkin")
    .split(" ")
    .filter(Boolean)
    .map((w) => WORDS[w] ?? w);
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${unit}`;
}

/** "questions" → "Question"; "criteria" → "Criterion": the name of one item of a list. */
export function singular(key: string): string {
  const label = humanize(key).replace(/ \(.*\)$/, "");
  const last = label.split(" ").pop() ?? label;
  const one = /criteria$/i.test(last)
    ? last.replace(/criteria$/i, "criterion")
    : last.replace(/ies$/, "y").replace(/(s)$/, "");
  return one.charAt(0).toUpperCase() + one.slice(1);
}

export const isWeightKey = (key: string) => /weight/i.test(key);

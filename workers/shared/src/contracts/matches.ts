import * as v from "valibot";
import { criterionFields, matchingModes } from "../domain/program-rules/vocab";
import { timestamp } from "./common/json";
import { list, page, pageQuery } from "./common/pagination";
import { programParam, resourceId } from "./common/params";
import { programRole, programRoles } from "./enrollments";

/** Matches, assignment runs, pins and mentees' requests: shared by the API and the web client. */

export const matchStatuses = [
  "proposed",
  "pending_acceptance",
  "active",
  /** Its planned length or the program's end is reached: the pair wraps up, then it closes. */
  "closing",
  "declined",
  "expired",
  "closed",
] as const;
export type MatchStatus = (typeof matchStatuses)[number];
export type MatchingMode = (typeof matchingModes)[number];

/** total: the most people matched, then the highest total; balanced: raise the lowest first. */
export const matchObjectives = ["total", "balanced", "stable"] as const;
export type MatchObjective = (typeof matchObjectives)[number];
export const matchRunStatuses = ["open", "approved", "discarded"] as const;
export type MatchRunStatus = (typeof matchRunStatuses)[number];
/** How many mentors a mentee may request, in order of preference. */
export const maxMatchChoices = 3;

/** One line of a score's explanation: which criterion, how many points it added or took away. */
export const matchReason = v.object({
  criterion: v.picklist([...criterionFields, "constraint"]),
  points: v.number(),
  text: v.string(),
});
export type MatchReason = v.InferOutput<typeof matchReason>;

const person = v.object({ memberId: v.string(), displayName: v.string() });

export const matchParticipantView = v.object({ ...person.entries, role: v.picklist(programRoles) });

export const matchView = v.object({
  id: v.string(),
  programId: v.string(),
  status: v.picklist(matchStatuses),
  mode: v.picklist(matchingModes),
  participants: v.array(matchParticipantView),
  score: v.nullable(v.number()),
  reasons: v.array(matchReason),
  madeBy: v.nullable(v.string()),
  runId: v.nullable(v.string()),
  choiceRank: v.nullable(v.number()),
  expiresAt: v.nullable(timestamp),
  createdAt: timestamp,
  activatedAt: v.nullable(timestamp),
  endedAt: v.nullable(timestamp),
  endReason: v.nullable(v.string()),
});
export type MatchView = v.InferOutput<typeof matchView>;
export const matchPage = page(matchView);
export const matchList = list(matchView);

export const unmatchedPerson = v.object({
  ...person.entries,
  role: v.picklist(programRoles),
  reason: v.string(),
});
export type UnmatchedPerson = v.InferOutput<typeof unmatchedPerson>;

export const matchRunView = v.object({
  id: v.string(),
  programId: v.string(),
  objective: v.picklist(matchObjectives),
  status: v.picklist(matchRunStatuses),
  total: v.number(),
  lowest: v.nullable(v.number()),
  proposals: v.array(matchView),
  unmatched: v.array(unmatchedPerson),
  createdAt: timestamp,
});
export type MatchRunView = v.InferOutput<typeof matchRunView>;

/** A candidate for someone, with the score's explanation; a mentor's open places too. */
export const suggestionView = v.object({
  ...person.entries,
  role: v.picklist(programRoles),
  score: v.number(),
  reasons: v.array(matchReason),
  /** Mentors only: how many more mentees they can take now (0 = at capacity). */
  openPlaces: v.nullable(v.number()),
});
export type SuggestionView = v.InferOutput<typeof suggestionView>;
export const suggestionList = v.object({
  memberId: v.string(),
  role: v.picklist(programRoles),
  items: v.array(suggestionView),
  /** Candidates who can never be matched with this person, and why. */
  excluded: v.array(v.object({ ...person.entries, reason: v.string() })),
});
export type SuggestionList = v.InferOutput<typeof suggestionList>;

export const pinKinds = ["pin", "forbid"] as const;
export const pinView = v.object({
  mentor: person,
  mentee: person,
  kind: v.picklist(pinKinds),
  createdAt: timestamp,
});
export type PinView = v.InferOutput<typeof pinView>;
export const pinList = list(pinView);

/** The coordinator's board: capacity per mentor, who is still unmatched, the open run. */
export const matchingBoard = v.object({
  programId: v.string(),
  mode: v.picklist(matchingModes),
  mentorCapacity: v.number(),
  mentors: v.array(v.object({ ...person.entries, active: v.number(), openPlaces: v.number() })),
  unmatchedMentees: v.array(
    v.object({
      ...person.entries,
      best: v.array(suggestionView),
      waitingUntil: v.nullable(timestamp),
    }),
  ),
  /** Approved people who cannot be matched yet (training not done), and why. */
  notEligible: v.array(
    v.object({ ...person.entries, role: v.picklist(programRoles), reason: v.string() }),
  ),
  pins: v.array(pinView),
  openRunId: v.nullable(v.string()),
});
export type MatchingBoard = v.InferOutput<typeof matchingBoard>;

/* Inputs */

const memberRef = (name: string) =>
  v.pipe(
    v.string(`${name} must be a member id.`),
    v.nonEmpty(`${name} is required.`),
    v.maxLength(100, `${name} is too long.`),
  );

export const pairInput = v.object({
  mentorId: memberRef("mentorId"),
  menteeId: memberRef("menteeId"),
});
export type PairInput = v.InferOutput<typeof pairInput>;
export const pinInput = v.object({
  ...pairInput.entries,
  kind: v.picklist(pinKinds, 'kind must be "pin" or "forbid".'),
});
export type PinInput = v.InferOutput<typeof pinInput>;

export const runInput = v.object({
  objective: v.optional(
    v.picklist(["total", "balanced"], 'objective must be "total" or "balanced".'),
    "total",
  ),
});
export const swapInput = v.object({
  matchIds: v.pipe(
    v.strictTuple([resourceId, resourceId], "matchIds must be exactly two proposal ids."),
    v.check(([a, b]) => a !== b, "matchIds must be two different proposals."),
  ),
});
export const approveInput = v.object({
  /** The proposals to approve, all or nothing; omitted: every open proposal of the run. */
  matchIds: v.optional(
    v.pipe(
      v.array(resourceId, "matchIds must be a list."),
      v.minLength(1, "matchIds cannot be empty."),
      v.maxLength(2000, "Approve at most 2000 proposals at once."),
    ),
  ),
});
export const closeInput = v.object({
  reason: v.pipe(
    v.string("reason must be text."),
    v.trim(),
    v.nonEmpty("Say why the match ends."),
    v.maxLength(500, "reason must be at most 500 characters."),
  ),
});

export const suggestionsQuery = v.object({
  memberId: memberRef("memberId"),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9]{1,2}$/, "limit must be a whole number between 1 and 50."),
      v.transform(Number),
      v.minValue(1, "limit must be at least 1."),
      v.maxValue(50, "limit must be at most 50."),
    ),
    "10",
  ),
});
export const matchesQuery = v.object({
  ...pageQuery.entries,
  status: v.optional(v.picklist(matchStatuses, "status is not a match status.")),
  memberId: v.optional(memberRef("memberId")),
});

export const matchParam = v.object({ ...programParam.entries, matchId: resourceId });
export const runParam = v.object({ ...programParam.entries, runId: resourceId });
export const myMatchParam = v.object({ matchId: resourceId });

/** A mentee's requests: mentor ids in order of preference. */
export const choicesInput = v.object({
  mentorIds: v.pipe(
    v.array(memberRef("Each mentor"), "mentorIds must be a list."),
    v.minLength(1, "Choose at least one mentor."),
    v.maxLength(maxMatchChoices, `Choose at most ${maxMatchChoices} mentors.`),
    v.check((ids) => new Set(ids).size === ids.length, "Choose each mentor once."),
  ),
});
export type ChoicesInput = v.InferOutput<typeof choicesInput>;
export const responseInput = v.object({
  decision: v.picklist(["accept", "decline"], 'decision must be "accept" or "decline".'),
});
export const roleQuery = v.object({ role: v.optional(programRole) });

/** A mentee's requests in one program: their choices in order and where each stands. */
export const myChoicesView = v.object({
  programId: v.string(),
  choices: v.array(
    v.object({
      rank: v.number(),
      mentor: person,
      /** waiting: not asked yet; then the request's own status once it went out. */
      status: v.picklist(["waiting", ...matchStatuses]),
      matchId: v.nullable(v.string()),
      expiresAt: v.nullable(timestamp),
    }),
  ),
});
export type MyChoicesView = v.InferOutput<typeof myChoicesView>;

/* Mentees choose: a mentee's own suggestions, and the coordinator's view of every choice. */

export const mySuggestionsQuery = v.object({ limit: suggestionsQuery.entries.limit });

/** Every mentee's choices in a program, and where each request stands. */
export const choicesBoard = v.object({
  programId: v.string(),
  mentees: v.array(
    v.object({
      mentee: person,
      choices: myChoicesView.entries.choices,
    }),
  ),
});
export type ChoicesBoard = v.InferOutput<typeof choicesBoard>;

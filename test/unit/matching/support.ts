import fc from "fast-check";
import {
  type Cohort,
  type CriterionField,
  type MatchingRules,
  type MatchProfile,
  pairKey,
  scorePair,
} from "../../../workers/shared/src/domain/matching";

export const january = new Date("2025-01-15T12:00:00Z");

export function profile(memberId: string, fields: Partial<MatchProfile> = {}): MatchProfile {
  return {
    memberId,
    displayName: memberId[0]!.toUpperCase() + memberId.slice(1),
    interests: [],
    skills: [],
    department: null,
    seniority: null,
    languages: [],
    timeZone: "UTC",
    availability: null,
    goals: "",
    reportsTo: null,
    ...fields,
  };
}

export function rules(
  criteria: Partial<Record<CriterionField, number>>,
  hard: Partial<MatchingRules["hardConstraints"]> = {},
): MatchingRules {
  return {
    criteria: Object.entries(criteria).map(([field, weight]) => ({
      field: field as CriterionField,
      weight: weight!,
    })),
    hardConstraints: {
      sameDepartment: "allowed",
      timeZoneOverlapHours: 0,
      noReportingLine: true,
      ...hard,
    },
  };
}

/** A pair's score as the public scorer sees it, or null when excluded or blocked. */
export function pairScore(cohort: Cohort, mentorId: string, menteeId: string): number | null {
  if (cohort.blocked?.has(pairKey(mentorId, menteeId))) return null;
  const mentor = cohort.mentors.find((m) => m.profile.memberId === mentorId)!.profile;
  const mentee = cohort.mentees.find((m) => m.memberId === menteeId)!;
  const result = scorePair(mentor, mentee, cohort.rules, cohort.now);
  return result.excluded ? null : result.score;
}

// Small vocabularies, so that random people often agree, often clash and sometimes lack data.
const ids = ["ana", "ben", "cho", "dev", "eli", "fay", "gus", "hal", "ivy", "jon", "kai", "lea"];
const tags = ["design", "Python", "writing", "data science", "leadership", "sales"];
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Auckland"];
const levels = [
  "Intern",
  "Junior",
  "Mid-level",
  "Senior engineer",
  "Staff",
  "Director",
  "Year 2",
  null,
];
const times = [
  "weekday evenings",
  "weekend mornings",
  "Tue and Thu evenings",
  "any time",
  "mornings",
  null,
  "soon",
];
const fields: CriterionField[] = [
  "interests",
  "skills",
  "department",
  "seniority",
  "languages",
  "time_zone",
  "availability",
];

const personFields = fc.record({
  interests: fc.subarray(tags, { maxLength: 3 }),
  skills: fc.subarray(tags, { maxLength: 3 }),
  department: fc.constantFrom("Engineering", "Sales", "Research", null),
  seniority: fc.constantFrom(...levels),
  languages: fc.subarray(["English", "Spanish", "French"], { maxLength: 2 }),
  timeZone: fc.constantFrom(...zones),
  availability: fc.constantFrom(...times),
  goals: fc.constantFrom("", "Learn Python and public speaking", "Get better at design"),
  reportsTo: fc.option(fc.constantFrom(...ids), { freq: 4 }),
});

const rulesArb: fc.Arbitrary<MatchingRules> = fc.record({
  criteria: fc
    .subarray(fields, { minLength: 0, maxLength: 5 })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((field) =>
          fc.record({ field: fc.constant(field), weight: fc.constantFrom(1, 3, 5, 7, 10) }),
        ),
      ),
    ),
  hardConstraints: fc.record({
    sameDepartment: fc.constantFrom("allowed" as const, "not_allowed" as const),
    timeZoneOverlapHours: fc.constantFrom(0, 0, 2, 6),
    noReportingLine: fc.boolean(),
  }),
});

/** Random cohorts: people may be mentor and mentee at once, pairs blocked, pins attempted. */
export function cohortArb(maxMentors = 6, maxMentees = 9): fc.Arbitrary<Cohort> {
  return fc
    .record({
      mentorIds: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: maxMentors }),
      menteeIds: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: maxMentees }),
      people: fc.array(personFields, { minLength: ids.length, maxLength: ids.length }),
      capacities: fc.array(fc.constantFrom(0, 1, 1, 2, 3), {
        minLength: ids.length,
        maxLength: ids.length,
      }),
      rules: rulesArb,
      blockedPairs: fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 6 }),
      pins: fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 2 }),
      day: fc.constantFrom("2025-01-15", "2025-03-15", "2025-07-01"),
    })
    .map(({ mentorIds, menteeIds, people, capacities, rules, blockedPairs, pins, day }) => {
      const person = (id: string) => profile(id, people[ids.indexOf(id)]);
      const pick = (list: string[], k: number) => list[k % Math.max(1, list.length)];
      const blocked = new Map<string, string>();
      for (const [a, b] of blockedPairs) {
        const mentor = pick(mentorIds, a);
        const mentee = pick(menteeIds, b);
        if (mentor && mentee) blocked.set(pairKey(mentor, mentee), `Blocked ${mentor}|${mentee}`);
      }
      const pinned = pins
        .map(([a, b]) => ({ mentorId: pick(mentorIds, a)!, menteeId: pick(menteeIds, b)! }))
        .filter((p) => p.mentorId && p.menteeId);
      return {
        mentors: mentorIds.map((id) => ({
          profile: person(id),
          capacity: capacities[ids.indexOf(id)]!,
        })),
        mentees: menteeIds.map(person),
        rules,
        now: new Date(`${day}T12:00:00Z`),
        blocked,
        pinned,
      };
    });
}

import type { Cohort, MatchProfile } from "../workers/shared/src/domain/matching";

/**
 * A seeded, realistic-looking cohort for the matching benchmark: interests from a 40-tag
 * vocabulary, a few languages, 12 time zones, seniority and availability as people type them.
 */

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tags = [
  "design",
  "research",
  "writing",
  "python",
  "javascript",
  "typescript",
  "sql",
  "data science",
  "machine learning",
  "statistics",
  "product management",
  "public speaking",
  "leadership",
  "career change",
  "negotiation",
  "marketing",
  "sales",
  "finance",
  "accounting",
  "law",
  "ux research",
  "devops",
  "cloud",
  "security",
  "mobile",
  "frontend",
  "backend",
  "testing",
  "project management",
  "agile",
  "communication",
  "networking",
  "entrepreneurship",
  "grant writing",
  "teaching",
  "biology",
  "chemistry",
  "physics",
  "mathematics",
  "economics",
];
const languages = ["English", "Spanish", "French", "German", "Portuguese", "Mandarin", "Hindi"];
const zones = [
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Berlin",
  "Africa/Nairobi",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];
const departments = ["Engineering", "Sales", "Marketing", "Finance", "Operations", "People"];
const menteeLevels = [
  "Intern",
  "Junior developer",
  "Year 2",
  "Year 3",
  "2 years",
  "Associate",
  "Mid-level",
];
const mentorLevels = [
  "Senior engineer",
  "Staff engineer",
  "Engineering manager",
  "8 years",
  "Lead designer",
  "Director",
  "Principal",
  "12 years",
];
const availability = [
  "Tue and Thu evenings",
  "weekday evenings",
  "weekend mornings",
  "Mon-Wed 9am-12pm",
  "any time",
  "Weekday evenings and weekends",
  "mornings",
  "Fridays after 2pm",
  "Tue pm, Thu am",
  "evenings on weekdays",
  "any time except Fridays",
  "Saturdays",
  "lunchtime on weekdays",
  "when I can",
  null,
];

function pick<T>(rnd: () => number, from: readonly T[]): T {
  return from[Math.floor(rnd() * from.length)]!;
}

function some<T>(rnd: () => number, from: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const chosen = new Set<T>();
  while (chosen.size < n) chosen.add(pick(rnd, from));
  return [...chosen];
}

function person(rnd: () => number, id: string, role: "mentor" | "mentee"): MatchProfile {
  const interests = some(rnd, tags, 2, 6);
  return {
    memberId: id,
    displayName: `${role === "mentor" ? "Mentor" : "Mentee"} ${id}`,
    interests,
    skills: role === "mentor" ? some(rnd, tags, 2, 5) : some(rnd, tags, 0, 2),
    department: rnd() < 0.9 ? pick(rnd, departments) : null,
    seniority: pick(rnd, role === "mentor" ? mentorLevels : menteeLevels),
    languages:
      rnd() < 0.7 ? ["English", ...some(rnd, languages, 0, 1)] : some(rnd, languages, 1, 2),
    timeZone: pick(rnd, zones),
    availability: pick(rnd, availability),
    goals:
      role === "mentee" ? `I want to get better at ${some(rnd, tags, 1, 3).join(" and ")}.` : "",
    reportsTo: null,
  };
}

export function benchCohort(seed: number, mentees: number, mentors: number): Cohort {
  const rnd = random(seed);
  return {
    mentors: Array.from({ length: mentors }, (_, k) => ({
      profile: person(rnd, `r${String(k).padStart(5, "0")}`, "mentor"),
      capacity: 1 + Math.floor(rnd() * 4),
    })),
    mentees: Array.from({ length: mentees }, (_, k) =>
      person(rnd, `e${String(k).padStart(5, "0")}`, "mentee"),
    ),
    rules: {
      criteria: [
        { field: "interests", weight: 7 },
        { field: "skills", weight: 5 },
        { field: "seniority", weight: 4 },
        { field: "languages", weight: 10 },
        { field: "availability", weight: 5 },
      ],
      hardConstraints: {
        sameDepartment: "allowed",
        timeZoneOverlapHours: 4,
        noReportingLine: true,
      },
    },
    now: new Date("2026-03-18T12:00:00Z"),
  };
}

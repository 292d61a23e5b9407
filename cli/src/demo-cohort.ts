import type { ProfileInput } from "../../workers/shared/src/contracts/enrollments";

/**
 * The people of the demo organization: a coordinator, mentors (upper-year students and a few
 * staff) and a first-year cohort, with profiles varied enough that every screen that lists,
 * filters or (later) matches them has something to show. Fixed, so every seed looks alike.
 */
export interface DemoPerson {
  email: string;
  displayName: string;
  role: "mentor" | "mentee";
  profile: ProfileInput & { timeZone: string };
  lookingForward: string;
  topics: string[];
}

export const coordinator = {
  email: "coordinator@demo.example",
  displayName: "Casey Coordinator",
};

const departments = [
  "Computer Science",
  "Biology",
  "Economics",
  "History",
  "Mechanical Engineering",
  "Psychology",
  "Mathematics",
  "Fine Arts",
];
const interests = [
  ["hiking", "chess"],
  ["music", "volunteering"],
  ["robotics", "gaming"],
  ["photography", "travel"],
  ["climbing", "cooking"],
  ["debate", "film"],
  ["running", "reading"],
  ["theatre", "languages"],
  ["startups", "podcasts"],
];
const skills = [
  ["Python", "statistics"],
  ["lab work", "academic writing"],
  ["public speaking"],
  ["time management", "note-taking"],
  ["CAD", "prototyping"],
  ["research methods"],
  ["drawing", "portfolio review"],
];
const languages = [
  ["English"],
  ["English", "Spanish"],
  ["English", "Mandarin"],
  ["English", "French"],
  ["English", "Arabic"],
  ["English", "Hindi"],
  ["English", "German"],
];
const timeZones = [
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Shanghai",
];
const availability = [
  "Weekday evenings",
  "Tuesday and Thursday afternoons",
  "Weekend mornings",
  "Monday lunchtime, Friday afternoons",
  "Flexible, video calls preferred",
];
const topics = ["Study habits", "Finding my way around", "Making friends", "Wellbeing", "Careers"];
const hopes = [
  "Getting used to the workload and not falling behind in the first weeks.",
  "Meeting people outside my course; I moved here from abroad.",
  "Working out which electives lead where, and how to ask professors for help.",
  "Balancing a part-time job with labs.",
  "Finding study groups and learning how exams work here.",
];

const mentorNames = [
  "Maya Okafor",
  "Daniel Kowalski",
  "Priya Raman",
  "Tomás Herrera",
  "Hannah Schmidt",
  "Kwame Mensah",
  "Yuki Tanaka",
  "Leila Haddad",
  "Oliver Byrne",
  "Ana Souza",
];
const menteeNames = [
  "Liam Chen",
  "Sofía Ramírez",
  "Noah Williams",
  "Amara Nwosu",
  "Ethan Park",
  "Zara Ahmed",
  "Lucas Martin",
  "Mei Lin",
  "Jonas Weber",
  "Aisha Bello",
  "Mateo Rossi",
  "Chloé Dubois",
  "Arjun Patel",
  "Freya Nilsson",
  "Samuel Osei",
  "Isabela Costa",
  "Ryan O'Connor",
  "Hana Kim",
  "Diego Flores",
  "Ingrid Larsen",
  "Omar Farouk",
  "Emily Clarke",
  "Nikhil Rao",
  "Lena Novak",
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const slugOf = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[^A-Za-z ]/g, "")
    .toLowerCase()
    .split(" ")
    .join(".");

function person(name: string, role: "mentor" | "mentee", i: number): DemoPerson {
  const year =
    role === "mentor" ? pick(["3rd year", "4th year", "Master's", "Staff"], i) : "1st year";
  return {
    // The first of each keeps the address the demo always had, so old notes still work.
    email:
      i === 0
        ? `${role === "mentor" ? "maya.mentor" : "liam.mentee"}@demo.example`
        : `${slugOf(name)}@demo.example`,
    displayName: name,
    role,
    profile: {
      interests: pick(interests, i + (role === "mentor" ? 3 : 0)),
      skills: pick(skills, i),
      department: pick(departments, i + (role === "mentor" ? 0 : 1)),
      seniority: year,
      languages: pick(languages, i * 3),
      timeZone: pick(timeZones, i * 2),
      availability: pick(availability, i),
    },
    lookingForward: pick(hopes, i),
    topics: [pick(topics, i), pick(topics, i + 2)],
  };
}

export const mentors: DemoPerson[] = mentorNames.map((name, i) => person(name, "mentor", i));
export const mentees: DemoPerson[] = menteeNames.map((name, i) => person(name, "mentee", i));

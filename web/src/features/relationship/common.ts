import type { MatchView } from "../../../../workers/shared/src/contracts/matches";
import type { MeView } from "../../../../workers/shared/src/contracts/me";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";

/** The workspace's address; coordinators' links carry the program so it loads in one call. */
export const workspacePath = (slug: string, matchId: string, programId?: string) =>
  `/o/${slug}/matches/${encodeURIComponent(matchId)}${
    programId ? `?program=${encodeURIComponent(programId)}` : ""
  }`;

/** /v1/matches/{matchId}…: every pair resource lives under the match. */
export const pairApi = (matchId: string, rest = "") =>
  `/v1/matches/${encodeURIComponent(matchId)}${rest}`;

export type Seat = "mentor" | "mentee" | "coordinator";

/** Who is looking at the workspace and what they may do there. */
export interface Pair {
  match: MatchView;
  program: ProgramView;
  me: MeView;
  seat: Seat;
  mentor: { memberId: string; displayName: string };
  mentee: { memberId: string; displayName: string };
  /** The other person, for a pair member; null for a coordinator. */
  partner: { memberId: string; displayName: string } | null;
  /** Pair members on an active match write; coordinators and ended matches only read. */
  canWrite: boolean;
}

export function pairOf(match: MatchView, program: ProgramView, me: MeView): Pair {
  const find = (role: "mentor" | "mentee") => {
    const p = match.participants.find((x) => x.role === role);
    return { memberId: p?.memberId ?? "", displayName: p?.displayName ?? "—" };
  };
  const mentor = find("mentor");
  const mentee = find("mentee");
  const seat: Seat =
    me.id === mentor.memberId ? "mentor" : me.id === mentee.memberId ? "mentee" : "coordinator";
  const partner = seat === "mentor" ? mentee : seat === "mentee" ? mentor : null;
  return {
    match,
    program,
    me,
    seat,
    mentor,
    mentee,
    partner,
    canWrite: seat !== "coordinator" && match.status === "active",
  };
}

/** "Ada" for the signed-in member's own things, the name otherwise. */
export const nameIn = (pair: Pair, memberId: string | null | undefined) =>
  memberId === pair.me.id
    ? "You"
    : memberId === pair.mentor.memberId
      ? pair.mentor.displayName
      : memberId === pair.mentee.memberId
        ? pair.mentee.displayName
        : "Someone";

/** The person holding a role in this pair, "You" when it is the viewer. */
export const roleHolder = (pair: Pair, role: "mentor" | "mentee") =>
  nameIn(pair, pair[role].memberId);

/** Moves focus to a section's heading (or any element with tabIndex=-1) after an action. */
export const focusById = (id: string) =>
  requestAnimationFrame(() => document.getElementById(id)?.focus());

import type { MatchView } from "../../../../workers/shared/src/contracts/matches";

export const myMatchingPath = (slug: string, programId?: string) =>
  `/o/${slug}/my-matches${programId ? `/${encodeURIComponent(programId)}` : ""}`;

export const myProgramApi = (programId: string, rest: string) =>
  `/v1/me/programs/${encodeURIComponent(programId)}${rest}`;

/** The other person in a match, seen from the signed-in member. */
export const partnerOf = (match: MatchView, memberId: string) =>
  match.participants.find((p) => p.memberId !== memberId);

export const myRoleIn = (match: MatchView, memberId: string) =>
  match.participants.find((p) => p.memberId === memberId)?.role;

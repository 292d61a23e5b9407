/**
 * Links sent by email. The single-use token travels in the fragment, which browsers never
 * send to a server, so it cannot end up in access logs or Referer headers.
 */
export type LinkKind = "accept" | "reset-password" | "confirm-email" | "notification-preferences";

/** Where one organization's pages live in the web client. */
export interface OrgLinks {
  /** The organization these pages belong to (a preferences link is good for it alone). */
  slug: string;
  email(kind: LinkKind, token: string): string;
  signIn(): string;
  program(programId: string): string;
  /** A pair's workspace, at one of its sections (`check-ins`, `meetings`…) when given. */
  match(matchId: string, section?: string): string;
  /** A member's matches and the requests waiting for them. */
  myMatches(): string;
  /** A member's programs: their enrollments and the training each asks of them. */
  myPrograms(): string;
  /** A program's pairs needing attention, for its coordinators. */
  programAttention(programId: string): string;
}

export function orgLinks(publicUrl: string, slug: string): OrgLinks {
  const base = `${publicUrl}/o/${slug}`;
  return {
    slug,
    email: (kind, token) => `${base}/${kind}#token=${encodeURIComponent(token)}`,
    signIn: () => `${base}/sign-in`,
    program: (programId) => `${base}/programs/${encodeURIComponent(programId)}`,
    match: (matchId, section) =>
      `${base}/matches/${encodeURIComponent(matchId)}${section ? `#${section}` : ""}`,
    myMatches: () => `${base}/my-matches`,
    myPrograms: () => `${base}/my-programs`,
    programAttention: (programId) =>
      `${base}/programs/${encodeURIComponent(programId)}/needs-attention`,
  };
}

import type { ClientScope } from "../contracts/scopes";

/**
 * Who may read each kind of a pair's records: the one table the services enforce and the
 * tests read. `author` wrote it (or it is theirs); `partner` is the other person of the pair;
 * `coordinator` is an organization admin; `integration` an API client holding `scope`;
 * `member` any other member of the organization. "aggregate" means the viewer learns that the
 * record exists and when (counts, dates, done or not), never its text or answers.
 */
export type Access = "full" | "aggregate" | "none";

export interface KindVisibility {
  author: Access;
  partner: Access;
  coordinator: Access;
  /** What an integration holding `scope` gets; without it, nothing. */
  integration: Access;
  scope: ClientScope | null;
  member: Access;
}

export const visibility = {
  agreement: v("full", "full", "full", "full", "agreements:read", "none"),
  meeting: v("full", "full", "full", "full", "meetings:read", "none"),
  sharedNote: v("full", "full", "none", "none", null, "none"),
  privateNote: v("full", "none", "none", "none", null, "none"),
  commitment: v("full", "full", "full", "full", "meetings:read", "none"),
  checkInAnswers: v("full", "none", "full", "aggregate", "checkins:read", "none"),
  goal: v("full", "full", "full", "full", "goals:read", "none"),
  /** A celebration the pair chose to share is on the program's wall for its members. */
  celebration: v("full", "full", "full", "full", "goals:read", "none"),
  feedback: v("full", "full", "aggregate", "none", null, "none"),
  /** A safety or wellbeing concern reaches the program's coordinators, never the partner. */
  concern: v("full", "none", "full", "full", "concerns:read", "none"),
  /** A coordinator reads answers saying why (a recorded read); the partner only who submitted. */
  evaluation: v("full", "none", "full", "aggregate", "matches:read", "none"),
} as const satisfies Record<string, KindVisibility>;

export type RecordKind = keyof typeof visibility;

function v(
  author: Access,
  partner: Access,
  coordinator: Access,
  integration: Access,
  scope: ClientScope | null,
  member: Access,
): KindVisibility {
  return { author, partner, coordinator, integration, scope, member };
}

/** What this viewer may see of a record of this kind. */
export function accessTo(
  kind: RecordKind,
  viewer: "author" | "partner" | "coordinator" | "member" | { scopes: readonly string[] },
): Access {
  const rule: KindVisibility = visibility[kind];
  if (typeof viewer !== "string") {
    return rule.scope !== null && viewer.scopes.includes(rule.scope) ? rule.integration : "none";
  }
  return rule[viewer];
}

import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { matchChoices, matches, matchParticipants } from "../../../../../db/tenant/schema";
import type { MyChoicesView } from "../../../../shared/src/contracts/matches";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { displayNames } from "../matches";

type ChoiceView = MyChoicesView["choices"][number];

/**
 * Each mentee's choices in order, with where each stands: "waiting" until its request goes
 * out, then that request's status. Requests from before the choices were made are history.
 */
export async function choicesOf(
  db: Pick<TenantDb, "select">,
  programId: string,
  menteeIds?: readonly string[],
): Promise<Map<string, ChoiceView[]>> {
  const choices = await db
    .select()
    .from(matchChoices)
    .where(
      and(
        eq(matchChoices.programId, programId),
        menteeIds ? inArray(matchChoices.menteeId, [...menteeIds]) : undefined,
      ),
    )
    .orderBy(asc(matchChoices.menteeId), asc(matchChoices.rank));
  if (choices.length === 0) return new Map();
  const mentees = [...new Set(choices.map((c) => c.menteeId))];
  const requests = await db
    .select({ match: matches, menteeId: matchParticipants.memberId })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.programId, programId),
        eq(matchParticipants.role, "mentee"),
        inArray(matchParticipants.memberId, mentees),
        eq(matches.mode, "mentee_chooses"),
        isNull(matches.runId),
      ),
    )
    .orderBy(asc(matches.createdAt));
  const mentorOf = new Map(
    requests.length === 0
      ? []
      : (
          await db
            .select({ matchId: matchParticipants.matchId, mentorId: matchParticipants.memberId })
            .from(matchParticipants)
            .where(
              and(
                inArray(
                  matchParticipants.matchId,
                  requests.map((r) => r.match.id),
                ),
                eq(matchParticipants.role, "mentor"),
              ),
            )
        ).map((p) => [p.matchId, p.mentorId]),
  );
  const names = await displayNames(
    db,
    choices.map((c) => c.mentorId),
  );
  const byMentee = new Map<string, ChoiceView[]>();
  for (const choice of choices) {
    // The latest request to this mentor since the choice was made (requests come oldest first).
    const request = requests
      .filter(
        (r) =>
          r.menteeId === choice.menteeId &&
          mentorOf.get(r.match.id) === choice.mentorId &&
          r.match.createdAt >= choice.createdAt,
      )
      .at(-1)?.match;
    const view: ChoiceView = {
      rank: choice.rank,
      mentor: { memberId: choice.mentorId, displayName: names.get(choice.mentorId) ?? "" },
      status: request?.status ?? "waiting",
      matchId: request?.id ?? null,
      expiresAt: request?.expiresAt?.toISOString() ?? null,
    };
    byMentee.set(choice.menteeId, [...(byMentee.get(choice.menteeId) ?? []), view]);
  }
  return byMentee;
}

import type { MyEnrollments } from "../../../../workers/shared/src/contracts/enrollments";
import type { MatchView } from "../../../../workers/shared/src/contracts/matches";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useActiveSession } from "../../lib/session-context";
import { DataTable } from "../../ui/DataTable";
import { EmptyState, ErrorMessage, Loading, PageHeading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { MatchStatusBadge } from "../matching/Reasons";
import { programApi, roleName } from "../programs/common";
import { workspacePath } from "../relationship/common";
import { myMatchingPath, myRoleIn, partnerOf } from "./common";
import { MentorRequests } from "./MentorRequests";

/** Programs where the member is an approved mentee who picks their own mentors. */
async function choosingPrograms(enrollments: MyEnrollments): Promise<ProgramView[]> {
  const mine = enrollments.items.filter((e) => e.role === "mentee" && e.status === "approved");
  const programs = await Promise.all(mine.map((e) => api<ProgramView>(programApi(e.programId))));
  return programs.filter((p) => p.rules.matching.mode === "mentee_chooses");
}

/** Every member's matches, a mentor's requests to answer, a mentee's way to choose mentors. */
export function MyMatches() {
  const { slug, member } = useActiveSession();
  const loaded = useLoad(async () => {
    const [matches, enrollments] = await Promise.all([
      api<{ items: MatchView[] }>("/v1/me/matches"),
      api<MyEnrollments>("/v1/me/enrollments"),
    ]);
    return { matches, enrollments, choosing: await choosingPrograms(enrollments) };
  }, []);
  const data = loaded.data;
  const programName = (id: string) =>
    data?.enrollments.items.find((e) => e.programId === id)?.program.name ?? "A program";

  return (
    <>
      <PageHeading title="My matches">My matches</PageHeading>
      <MentorRequests programName={programName} onAnswered={loaded.reload} />
      {data && data.choosing.length > 0 && (
        <section class="card" aria-labelledby="choose-t">
          <h2 id="choose-t">Choose your mentors</h2>
          <ul>
            {data.choosing.map((p) => (
              <li key={p.id}>
                <a href={myMatchingPath(slug, p.id)}>Your mentor choices in {p.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="section" aria-labelledby="matches-t">
        <h2 id="matches-t">Matches</h2>
        <ErrorMessage message={loaded.error} />
        {!data ? (
          loaded.loading && <Loading label="Loading your matches…" />
        ) : data.matches.items.length === 0 ? (
          <EmptyState>You have no matches yet.</EmptyState>
        ) : (
          <DataTable label="My matches" columns={["With", "Program", "You are", "Status", "Dates"]}>
            {data.matches.items.map((m) => {
              const role = myRoleIn(m, member.id);
              return (
                <tr key={m.id}>
                  <th scope="row" data-label="With">
                    {m.status === "active" ? (
                      <a href={workspacePath(slug, m.id)}>
                        {partnerOf(m, member.id)?.displayName ?? "Your match"}
                        <span class="visually-hidden"> (your workspace)</span>
                      </a>
                    ) : (
                      (partnerOf(m, member.id)?.displayName ?? "—")
                    )}
                  </th>
                  <td data-label="Program">{programName(m.programId)}</td>
                  <td data-label="You are">{role ? roleName(role) : "—"}</td>
                  <td data-label="Status">
                    <MatchStatusBadge status={m.status} />
                    {m.endReason && <span class="small muted"> {m.endReason}</span>}
                  </td>
                  <td data-label="Dates" class="small">
                    {m.activatedAt && `Since ${formatDate(m.activatedAt)}`}
                    {m.endedAt && ` · ended ${formatDate(m.endedAt)}`}
                    {m.status === "pending_acceptance" &&
                      m.expiresAt &&
                      `Answer due by ${formatDate(m.expiresAt)}`}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
    </>
  );
}

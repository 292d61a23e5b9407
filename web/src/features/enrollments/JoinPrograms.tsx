import type { Page } from "../../../../workers/shared/src/contracts/common/pagination";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { useActiveSession } from "../../lib/session-context";
import { EmptyState, ErrorMessage, Loading, PageHeading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { programPath } from "../programs/common";
import { ProgramDates, RuleSummary } from "../programs/parts";

/** Programs a member can join now, each with what taking part involves. */
export function JoinPrograms() {
  const { slug } = useActiveSession();
  const open = useLoad(() => api<Page<ProgramView>>("/v1/programs?status=open&limit=50"), []);
  return (
    <>
      <PageHeading title="Programs">Programs</PageHeading>
      <p class="lead">
        Mentoring programs open for applications. Read what each asks of you, then apply as a mentor
        or a mentee. <a href={`/o/${slug}/my-programs`}>See your programs</a>.
      </p>
      <ErrorMessage message={open.error} />
      {open.loading && !open.data ? (
        <Loading label="Loading programs…" />
      ) : open.data?.items.length === 0 ? (
        <EmptyState>No programs are taking applications right now.</EmptyState>
      ) : (
        <ul class="program-list" aria-label="Open programs">
          {open.data?.items.map((p) => (
            <li key={p.id} class="card program-card">
              <h2>{p.name}</h2>
              {p.description && <p>{p.description}</p>}
              <p class="muted small">
                <ProgramDates program={p} />
                {p.audience && ` · for ${p.audience}`}
              </p>
              <RuleSummary summary={p.summary} title="What taking part involves" />
              <a class="button primary" href={programPath(slug, p.id, "apply")}>
                Apply<span class="visually-hidden"> to {p.name}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { useState } from "preact/hooks";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { formatDate } from "../../lib/format";
import { useActiveSession } from "../../lib/session-context";
import { PageHeading } from "../../ui/feedback";
import { StatusFilter } from "../../ui/fields";
import { PagedList } from "../../ui/PagedList";
import { usePages } from "../../ui/use-pages";
import { programPath, programStatusLabel } from "./common";
import { ProgramDates, StatusBadge } from "./parts";

const statusFilter = [
  ["", "All statuses"],
  ...Object.entries(programStatusLabel).map(([value, label]) => [value, label] as const),
] as const;

/** The coordinator's list of programs, newest first, filtered by lifecycle status. */
export function ProgramsList() {
  const { slug } = useActiveSession();
  const [status, setStatus] = useState("");
  const list = usePages<ProgramView>("/v1/programs", status ? { status } : {}, 0);
  return (
    <>
      <PageHeading title="Programs">Programs</PageHeading>
      <div class="toolbar">
        <StatusFilter value={status} onValue={setStatus} options={statusFilter} />
        <div class="form-actions">
          <a class="button primary" href={programPath(slug, "new")}>
            New program
          </a>
        </div>
      </div>
      <PagedList
        list={list}
        loadingLabel="Loading programs…"
        empty={
          status
            ? "No programs with this status."
            : "No programs yet. Start one from a template with “New program”."
        }
        noun={["program", "programs"]}
      >
        <ul class="program-list" aria-label="Programs">
          {list.items.map((p) => (
            <li key={p.id} class="card program-card">
              <div class="program-card-head">
                <h2>
                  <a href={programPath(slug, p.id)}>{p.name}</a>
                </h2>
                <StatusBadge status={p.status} />
              </div>
              {p.description && <p>{p.description}</p>}
              <p class="muted small">
                <ProgramDates program={p} /> · Updated {formatDate(p.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      </PagedList>
    </>
  );
}

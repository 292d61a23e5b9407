import { useState } from "preact/hooks";
import { formatDate } from "../lib/format";
import { useActiveSession } from "../org/session-context";
import { EmptyState, ErrorMessage, Loading, PageHeading } from "../ui/feedback";
import { SelectField } from "../ui/fields";
import { LoadMore } from "../ui/LoadMore";
import { usePages } from "../ui/use-pages";
import { ProgramDates, StatusBadge } from "./parts";
import { type ProgramView, programPath, programStatusLabel } from "./types";

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
        <SelectField
          label="Status"
          name="status"
          value={status}
          onValue={setStatus}
          options={statusFilter}
        />
        <div class="form-actions">
          <a class="button primary" href={programPath(slug, "new")}>
            New program
          </a>
        </div>
      </div>
      <ErrorMessage message={list.error} />
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading programs…" />
      ) : list.items.length === 0 && !list.error ? (
        <EmptyState>
          {status
            ? "No programs with this status."
            : "No programs yet. Start one from a template with “New program”."}
        </EmptyState>
      ) : (
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
      )}
      <LoadMore
        shown={list.items.length}
        noun={["program", "programs"]}
        hasMore={list.nextCursor !== null}
        loading={list.loading}
        onMore={list.loadMore}
      />
    </>
  );
}

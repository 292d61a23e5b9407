import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { EmptyState, ErrorMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { pairApi } from "../relationship/common";
import { Section } from "../relationship/fields";
import type { PairReadView } from "./shapes";
import { readKindWords } from "./words";

/** Who from the program opened this pair's confidential records, when, what and why. */
export function RecordReads({ matchId, version }: { matchId: string; version: number }) {
  const loaded = useLoad(
    () => api<{ items: PairReadView[] }>(pairApi(matchId, "/reads")),
    [matchId, version],
  );
  const reads = loaded.data?.items ?? null;
  return (
    <Section id="record-reads" title="Who has viewed our records">
      <p class="small">
        Coordinators read check-in answers, concerns and evaluations only with a reason, and each
        read is listed here.
      </p>
      <ErrorMessage message={loaded.error} />
      {reads && reads.length === 0 && <EmptyState>No one has read them.</EmptyState>}
      {reads && reads.length > 0 && (
        <ul class="list-items" aria-label="Reads, latest first">
          {reads.map((r) => (
            <li key={r.id} class="list-item small">
              {formatDateTime(r.at)} · {r.reader.displayName ?? "A former coordinator"} read{" "}
              {readKindWords[r.kind]}: {r.reasonText}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

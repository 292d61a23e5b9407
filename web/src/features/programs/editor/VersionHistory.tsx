import type {
  RuleVersionList,
  RuleVersionView,
} from "../../../../../workers/shared/src/contracts/programs";
import { api } from "../../../lib/api";
import { formatDateTime } from "../../../lib/format";
import { ErrorMessage, Loading } from "../../../ui/feedback";
import { useLoad } from "../../../ui/use-load";
import { programApi } from "../common";

/** Newest first, as the API lists them. */
async function loadVersions(programId: string): Promise<RuleVersionView[]> {
  const answer = await api<RuleVersionList>(programApi(programId, "/rules/versions"));
  return answer.items;
}

/** Each saved version of the rules and when it took effect; the newest first. */
export function VersionHistory(props: { programId: string; current: number; version: number }) {
  const { programId, current, version } = props;
  const versions = useLoad(() => loadVersions(programId), [programId, version]);
  return (
    <section class="card" aria-labelledby="versions-t">
      <h2 id="versions-t">Version history</h2>
      {versions.loading && !versions.data && <Loading label="Loading versions…" />}
      <ErrorMessage message={versions.error} />
      {versions.data && (
        <ol class="versions">
          {versions.data.map((v) => (
            <li key={v.version}>
              <strong>Version {v.version}</strong>
              {v.version === current && <span class="badge badge-active">Current</span>}
              <span class="muted small">
                {" "}
                from <time dateTime={v.effectiveFrom}>{formatDateTime(v.effectiveFrom)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { ErrorMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { Section } from "../relationship/fields";
import type { ConcernList } from "./shapes";
import { concernStatusWords, urgencyWords } from "./words";

/** The concerns this member raised about this match and where each stands; nothing else. */
export function MyConcerns({ matchId, version }: { matchId: string; version: number }) {
  const loaded = useLoad(() => api<ConcernList>("/v1/me/concerns"), [matchId, version]);
  const mine = loaded.data ? loaded.data.items.filter((c) => c.matchId === matchId) : [];
  if (!loaded.error && mine.length === 0) return null;
  return (
    <Section id="my-concerns" title="Your concerns">
      <ErrorMessage message={loaded.error} />
      <ul class="list-items" aria-label="Concerns you raised">
        {mine.map((c) => (
          <li key={c.id} class="list-item">
            <strong>{concernStatusWords[c.status]}</strong>{" "}
            <span class="small">
              · {urgencyWords[c.urgency]} · raised {formatDateTime(c.createdAt)}
            </span>
            {c.whatHappened && <p class="small">{c.whatHappened}</p>}
            {c.status === "resolved" && c.resolution && (
              <p>
                <strong>What the coordinators did:</strong> {c.resolution}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

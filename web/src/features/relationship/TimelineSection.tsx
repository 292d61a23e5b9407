import { useState } from "preact/hooks";
import type { TimelineItem } from "../../../../workers/shared/src/contracts/relationship/timeline";
import { PagedList } from "../../ui/PagedList";
import { usePages } from "../../ui/use-pages";
import { pairApi } from "./common";
import { Section } from "./fields";
import { clockTime } from "./time";
import type { SectionProps } from "./Workspace";

function TimelineList({ pair, version }: SectionProps) {
  const list = usePages<TimelineItem>(pairApi(pair.match.id, "/timeline"), {}, version, 20);
  return (
    <PagedList
      list={list}
      loadingLabel="Loading the timeline…"
      empty="Nothing has happened yet."
      noun={["event", "events"]}
    >
      <ol class="timeline" aria-label="What happened, newest first">
        {list.items.map((item) => (
          <li key={item.id}>
            <span class="small muted">{clockTime(item.at, pair.me.timeZone)}</span>
            <br />
            <strong>{item.title}</strong>
            {item.detail && <span class="small"> · {item.detail}</span>}
          </li>
        ))}
      </ol>
    </PagedList>
  );
}

/** Everything that happened in the match, newest first; folded away until asked for. */
export function TimelineSection(props: SectionProps) {
  const [open, setOpen] = useState(false);
  return (
    <Section id="timeline" title="Timeline">
      <button
        type="button"
        class="button small"
        aria-expanded={open}
        aria-controls="timeline-list"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Hide the timeline" : "Show the timeline"}
      </button>
      <div id="timeline-list">{open && <TimelineList {...props} />}</div>
    </Section>
  );
}

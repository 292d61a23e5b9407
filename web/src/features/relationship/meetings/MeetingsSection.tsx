import { useState } from "preact/hooks";
import type { Page } from "../../../../../workers/shared/src/contracts/common/pagination";
import type { MeetingView } from "../../../../../workers/shared/src/contracts/relationship/meetings";
import { api, query } from "../../../lib/api";
import { EmptyState, ErrorMessage, Loading, StatusMessage } from "../../../ui/feedback";
import { useLoad } from "../../../ui/use-load";
import { focusById, pairApi } from "../common";
import { Section } from "../fields";
import type { SectionProps } from "../Workspace";
import { MeetingForm } from "./MeetingForm";
import { MeetingItem, meetingWhen } from "./MeetingItem";

/** The next meeting on the viewer's clock, a way to schedule one, and every meeting so far. */
export function MeetingsSection({ pair, version, onChange }: SectionProps) {
  const meetings = useLoad(
    () => api<Page<MeetingView>>(pairApi(pair.match.id, `/meetings${query({ limit: 50 })}`)),
    [pair.match.id, version],
  );
  const [note, setNote] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const items = meetings.data?.items ?? [];
  const now = Date.now();
  const next = items
    .filter((m) => m.status === "scheduled" && Date.parse(m.start.utc) > now)
    .sort((a, b) => Date.parse(a.start.utc) - Date.parse(b.start.utc))[0];

  const changed = (meeting: MeetingView, message: string) => {
    setNote(message);
    meetings.setData(
      (d) => d && { ...d, items: d.items.map((m) => (m.id === meeting.id ? meeting : m)) },
    );
    onChange();
    focusById("meetings-t");
  };

  return (
    <Section id="meetings" title="Meetings">
      <StatusMessage message={note} />
      <p>
        {next ? (
          <>
            <strong>Next meeting:</strong> {meetingWhen(next)}.
          </>
        ) : (
          "No meeting is scheduled yet."
        )}{" "}
        {pair.program.name} suggests meeting every {pair.program.rules.meetings.frequencyDays} days
        for at least {pair.program.rules.meetings.minMinutes} minutes.
      </p>
      {pair.canWrite &&
        (scheduling ? (
          <div class="card">
            <h3>Schedule a meeting</h3>
            <MeetingForm
              pair={pair}
              onCancel={() => setScheduling(false)}
              onDone={(meeting) => {
                setScheduling(false);
                setNote(
                  `Meeting scheduled for ${meetingWhen(meeting)}. ${pair.partner?.displayName ?? "Your partner"} is told by email.`,
                );
                meetings.setData((d) => d && { ...d, items: [meeting, ...d.items] });
                onChange();
                focusById("meetings-t");
              }}
            />
          </div>
        ) : (
          <button type="button" class="button primary" onClick={() => setScheduling(true)}>
            Schedule a meeting
          </button>
        ))}
      <h3>All meetings</h3>
      <ErrorMessage message={meetings.error} />
      {!meetings.data ? (
        meetings.loading && <Loading label="Loading meetings…" />
      ) : items.length === 0 ? (
        <EmptyState>No meetings yet.</EmptyState>
      ) : (
        <ul class="list-items meetings" aria-label="Meetings, newest first">
          {items.map((m) => (
            <MeetingItem key={m.id} pair={pair} meeting={m} onChanged={changed} />
          ))}
        </ul>
      )}
    </Section>
  );
}

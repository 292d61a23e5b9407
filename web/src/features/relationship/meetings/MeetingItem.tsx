import { useState } from "preact/hooks";
import type {
  MeetingStatus,
  MeetingView,
} from "../../../../../workers/shared/src/contracts/relationship/meetings";
import { api } from "../../../lib/api";
import { ConfirmDialog } from "../../../ui/feedback";
import { TextAreaField } from "../../../ui/fields";
import { useConfirm } from "../../../ui/use-confirm";
import { nameIn, type Pair, pairApi } from "../common";
import { clockTime } from "../time";
import { LogMeeting } from "./LogMeeting";
import { MeetingForm } from "./MeetingForm";
import { MeetingNotes } from "./MeetingNotes";

export const meetingStatusLabel: Record<MeetingStatus, string> = {
  proposed: "Proposed",
  scheduled: "Scheduled",
  held: "Held",
  cancelled: "Cancelled",
  missed: "Not logged",
};

/** "Tue, 3 Dec 2026, 18:00 (Europe/Berlin)" on the viewer's own clock. */
export const meetingWhen = (m: MeetingView) =>
  `${clockTime(m.start.utc, m.start.viewer.timeZone)} (${m.start.viewer.timeZone})`;

interface Props {
  pair: Pair;
  meeting: MeetingView;
  onChanged: (meeting: MeetingView, message: string) => void;
}

/** One meeting: when and where, its agenda, what can be done with it, and its notes. */
export function MeetingItem({ pair, meeting: m, onChanged }: Props) {
  const [mode, setMode] = useState<"view" | "move" | "log">("view");
  const cancelling = useConfirm<MeetingView>();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const when = meetingWhen(m);
  const headingId = `meeting-${m.id}-t`;
  const otherZone = m.start.proposer.timeZone !== m.start.viewer.timeZone;
  const started = Date.parse(m.start.utc) <= Date.now();
  const act = pair.canWrite && m.status === "scheduled";

  const cancel = () => {
    if (!reason.trim()) {
      setReasonError("Say briefly why, so your partner can plan.");
      return;
    }
    setReasonError(undefined);
    void cancelling.run(async (meeting) => {
      const saved = await api<MeetingView>(
        pairApi(pair.match.id, `/meetings/${meeting.id}/cancel`),
        { method: "POST", body: { reason: reason.trim() } },
      );
      onChanged(saved, `The meeting on ${when} is cancelled; your partner is told by email.`);
    });
  };

  return (
    <li class="card meeting" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {when} <span class={`badge badge-meeting-${m.status}`}>{meetingStatusLabel[m.status]}</span>
      </h3>
      <p class="small">
        {m.durationMinutes} minutes ·{" "}
        {m.format === "video" ? (
          m.videoUrl ? (
            <>
              video call: <a href={m.videoUrl}>{m.videoUrl}</a>
            </>
          ) : (
            "video call"
          )
        ) : (
          `in person${m.place ? `: ${m.place}` : ""}`
        )}
        {" · "}set by {nameIn(pair, m.proposedBy)}
        {otherZone &&
          ` for ${clockTime(m.start.utc, m.start.proposer.timeZone)} (${m.start.proposer.timeZone})`}
      </p>
      {m.status === "cancelled" && m.cancelReason && (
        <p class="small">Cancelled: {m.cancelReason}</p>
      )}
      {m.status === "held" && (
        <p class="small">
          Held for {m.heldMinutes} minutes
          {m.attendees && ` with ${m.attendees.map((id) => nameIn(pair, id)).join(" and ")}`}.{" "}
          {m.countsTowardCadence
            ? "It counts toward the program's meeting rhythm."
            : `Shorter than the program's ${pair.program.rules.meetings.minMinutes} minutes, so it does not count toward the meeting rhythm.`}
        </p>
      )}
      {m.agenda.length > 0 && (
        <details>
          <summary>Agenda ({m.agenda.length} items)</summary>
          <ol aria-label={`Agenda for ${when}`}>
            {m.agenda.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        </details>
      )}
      {act && mode === "view" && (
        <div class="row-actions">
          {started ? (
            <button type="button" class="button small primary" onClick={() => setMode("log")}>
              Log as held<span class="visually-hidden">: {when}</span>
            </button>
          ) : (
            <button type="button" class="button small" onClick={() => setMode("move")}>
              Reschedule<span class="visually-hidden">: {when}</span>
            </button>
          )}
          <button type="button" class="button small danger" onClick={() => cancelling.ask(m)}>
            Cancel meeting<span class="visually-hidden">: {when}</span>
          </button>
        </div>
      )}
      {act && mode === "move" && (
        <MeetingForm
          pair={pair}
          meeting={m}
          onCancel={() => setMode("view")}
          onDone={(saved) => {
            setMode("view");
            onChanged(saved, `Moved to ${meetingWhen(saved)}; your partner is told by email.`);
          }}
        />
      )}
      {act && mode === "log" && (
        <LogMeeting
          pair={pair}
          meeting={m}
          onCancel={() => setMode("view")}
          onDone={(saved) => {
            setMode("view");
            onChanged(saved, `Logged: you met for ${saved.heldMinutes} minutes on ${when}.`);
          }}
        />
      )}
      {pair.seat !== "coordinator" && m.status !== "cancelled" && (
        <MeetingNotes pair={pair} meeting={m} />
      )}
      {cancelling.asking && (
        <ConfirmDialog
          title={`Cancel the meeting on ${when}?`}
          confirmLabel="Cancel meeting"
          danger
          busy={cancelling.busy}
          error={cancelling.error}
          onConfirm={cancel}
          onCancel={cancelling.cancel}
        >
          <TextAreaField
            label="Why (your partner reads this)"
            name="reason"
            value={reason}
            onValue={setReason}
            error={reasonError}
            rows={2}
          />
        </ConfirmDialog>
      )}
    </li>
  );
}

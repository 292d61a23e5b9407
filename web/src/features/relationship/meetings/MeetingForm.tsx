import { useState } from "preact/hooks";
import type {
  MeetingFormat,
  MeetingView,
} from "../../../../../workers/shared/src/contracts/relationship/meetings";
import { api } from "../../../lib/api";
import { timeZones } from "../../../lib/format";
import { ErrorMessage, FormActions, SubmitButton } from "../../../ui/feedback";
import { SelectField, TextAreaField, TextField } from "../../../ui/fields";
import { type FieldErrors, useForm } from "../../../ui/use-form";
import { type Pair, pairApi } from "../common";
import { InputField } from "../fields";
import { splitLocal } from "../time";

const formatLabel: Record<MeetingFormat, string> = { in_person: "In person", video: "Video call" };

interface Props {
  pair: Pair;
  /** The meeting being moved; absent when scheduling a new one. */
  meeting?: MeetingView;
  onDone: (meeting: MeetingView) => void;
  onCancel?: () => void;
}

/** Schedule a meeting, or move one: date and time on a clock the member names. */
export function MeetingForm({ pair, meeting, onDone, onCancel }: Props) {
  const rules = pair.program.rules.meetings;
  const formats: MeetingFormat[] =
    rules.format === "either" ? ["video", "in_person"] : [rules.format];
  const start = meeting ? splitLocal(meeting.start.proposer.local) : { date: "", time: "" };
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [zone, setZone] = useState(meeting?.start.proposer.timeZone ?? pair.me.timeZone);
  const [minutes, setMinutes] = useState(
    String(meeting?.durationMinutes ?? Math.max(rules.minMinutes, 45)),
  );
  const [format, setFormat] = useState<MeetingFormat>(meeting?.format ?? formats[0]!);
  const [place, setPlace] = useState(meeting?.place ?? "");
  const [videoUrl, setVideoUrl] = useState(meeting?.videoUrl ?? "");
  const [agenda, setAgenda] = useState("");
  const known = [
    "startsAt",
    "timeZone",
    "durationMinutes",
    "format",
    "place",
    "videoUrl",
    "agenda",
  ];
  const form = useForm(known);
  const prefix = meeting ? `move-${meeting.id}` : "new";

  const check = (): FieldErrors => {
    const n = Number(minutes);
    return {
      startsAt: !date ? "Choose a date." : !time ? "Choose a time." : undefined,
      durationMinutes:
        !Number.isInteger(n) || n < 5 ? "Give the length in whole minutes, at least 5." : undefined,
      videoUrl:
        format === "video" && videoUrl.trim() && !videoUrl.trim().startsWith("https://")
          ? "A video link starts with https://."
          : undefined,
    };
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(check, async () => {
      const where = {
        place: format === "in_person" && place.trim() ? place.trim() : meeting ? null : undefined,
        videoUrl:
          format === "video" && videoUrl.trim() ? videoUrl.trim() : meeting ? null : undefined,
      };
      const common = {
        startsAt: `${date}T${time}`,
        timeZone: zone,
        durationMinutes: Number(minutes),
        ...where,
      };
      const items = agenda
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      const saved = meeting
        ? await api<MeetingView>(pairApi(pair.match.id, `/meetings/${meeting.id}`), {
            method: "PATCH",
            body: common,
          })
        : await api<MeetingView>(pairApi(pair.match.id, "/meetings"), {
            method: "POST",
            body: { ...common, format, ...(items.length > 0 ? { agenda: items } : {}) },
          });
      onDone(saved);
    });
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      class="stack"
      aria-label={meeting ? "Move the meeting" : "Schedule a meeting"}
    >
      <div class="field-row">
        <InputField
          label="Date"
          name={`${prefix}-date`}
          type="date"
          value={date}
          onValue={setDate}
          error={form.fields.startsAt}
        />
        <InputField
          label="Time"
          name={`${prefix}-time`}
          type="time"
          value={time}
          onValue={setTime}
        />
        <InputField
          label="Length in minutes"
          name={`${prefix}-minutes`}
          type="number"
          min={5}
          max={480}
          step={5}
          value={minutes}
          onValue={setMinutes}
          error={form.fields.durationMinutes}
          hint={`The program counts meetings of at least ${rules.minMinutes} minutes.`}
        />
      </div>
      <SelectField
        label="Time zone"
        name={`${prefix}-zone`}
        value={zone}
        onValue={setZone}
        options={timeZones(zone).map((z) => [z, z] as const)}
        error={form.fields.timeZone}
        hint="The date and time above are on this clock. Your partner sees them on their own."
      />
      {!meeting && formats.length > 1 ? (
        <SelectField
          label="How you meet"
          name="format"
          value={format}
          onValue={(f) => setFormat(f as MeetingFormat)}
          options={formats.map((f) => [f, formatLabel[f]] as const)}
          error={form.fields.format}
        />
      ) : (
        <p class="small">How you meet: {formatLabel[format].toLowerCase()}.</p>
      )}
      {format === "in_person" ? (
        <TextField
          label="Place"
          name={`${prefix}-place`}
          value={place}
          onValue={setPlace}
          optional
          maxLength={200}
          error={form.fields.place}
        />
      ) : (
        <TextField
          label="Video link"
          name={`${prefix}-video`}
          type="url"
          value={videoUrl}
          onValue={setVideoUrl}
          optional
          hint="A link starting with https://"
          error={form.fields.videoUrl}
        />
      )}
      {!meeting && (
        <TextAreaField
          label="Extra agenda items"
          name="agenda"
          value={agenda}
          onValue={setAgenda}
          optional
          rows={2}
          hint={`One per line. The program's agenda and your open commitments are added for you.`}
          error={form.fields.agenda}
        />
      )}
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
          {meeting ? "Move the meeting" : "Schedule meeting"}
        </SubmitButton>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            Keep it as it is
          </button>
        )}
      </FormActions>
    </form>
  );
}

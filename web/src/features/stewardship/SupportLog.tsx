import { useState } from "preact/hooks";
import { api } from "../../lib/api";
import { count } from "../../lib/format";
import {
  EmptyState,
  ErrorMessage,
  FormActions,
  Loading,
  StatusMessage,
  SubmitButton,
} from "../../ui/feedback";
import { SelectField, TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { useLoad } from "../../ui/use-load";
import { focusById, nameIn, type Pair, pairApi } from "../relationship/common";
import { InputField, Section } from "../relationship/fields";
import { calendarDay, todayIn } from "../relationship/time";
import { type Channel, channels, type SupportLog as Log } from "./shapes";
import { channelWords } from "./words";

const channelOptions = channels.map((c) => [c, channelWords[c]] as const);

function AddContact({ pair, onAdded }: { pair: Pair; onAdded: () => void }) {
  const today = todayIn(pair.me.timeZone);
  const [contactedOn, setContactedOn] = useState(today);
  const [channel, setChannel] = useState<Channel>("call");
  const [memberId, setMemberId] = useState("");
  const [note, setNote] = useState("");
  const [followUp, setFollowUp] = useState("");
  const form = useForm(["contactedOn", "channel", "memberId", "note", "followUp"]);
  const who = [
    ["", "Both of them"],
    [pair.mentor.memberId, `${pair.mentor.displayName} (mentor)`],
    [pair.mentee.memberId, `${pair.mentee.displayName} (mentee)`],
  ] as const;
  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({
        contactedOn: !contactedOn
          ? "Give the day of the contact."
          : contactedOn > today
            ? "Log contacts that happened: the day cannot be in the future."
            : undefined,
      }),
      async () => {
        await api(pairApi(pair.match.id, "/support-contacts"), {
          method: "POST",
          body: {
            contactedOn,
            channel,
            ...(memberId ? { memberId } : {}),
            note: note.trim(),
            ...(followUp.trim() ? { followUp: followUp.trim() } : {}),
          },
        });
        setNote("");
        setFollowUp("");
        onAdded();
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-labelledby="add-contact-t">
      <h3 id="add-contact-t">Log a contact</h3>
      <InputField
        label="Day"
        name="contactedOn"
        type="date"
        value={contactedOn}
        max={today}
        onValue={setContactedOn}
        error={form.fields.contactedOn}
      />
      <SelectField
        label="How"
        name="channel"
        value={channel}
        onValue={(v) => setChannel(v as Channel)}
        options={channelOptions}
        error={form.fields.channel}
      />
      <SelectField
        label="With"
        name="memberId"
        value={memberId}
        onValue={setMemberId}
        options={who}
        error={form.fields.memberId}
      />
      <TextAreaField
        label="Note"
        name="note"
        value={note}
        onValue={setNote}
        rows={2}
        optional
        error={form.fields.note}
      />
      <TextAreaField
        label="Follow-up"
        name="followUp"
        value={followUp}
        onValue={setFollowUp}
        rows={2}
        optional
        error={form.fields.followUp}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
          Log contact
        </SubmitButton>
      </FormActions>
    </form>
  );
}

/** The coordinators' contacts with this pair and when the next one is due. */
export function SupportLogSection({ pair }: { pair: Pair }) {
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(
    () => api<Log>(pairApi(pair.match.id, "/support-contacts")),
    [pair.match.id],
  );
  const log = loaded.data;
  const items = log?.items ?? null;
  return (
    <Section id="support" title="Support log">
      <StatusMessage message={message} />
      <ErrorMessage message={loaded.error} />
      {log?.nextDueOn && (
        <p>
          Next contact due {calendarDay(log.nextDueOn)}
          {log.daysOverdue > 0 ? `: ${count(log.daysOverdue, "day")} overdue.` : "."}
        </p>
      )}
      {!items ? (
        loaded.loading && <Loading label="Loading the support log…" />
      ) : items.length === 0 ? (
        <EmptyState>No contact logged yet.</EmptyState>
      ) : (
        <ul class="list-items" aria-label="Contacts, latest first">
          {items.map((c) => (
            <li key={c.id} class="list-item">
              <strong>{calendarDay(c.contactedOn)}</strong> · {channelWords[c.channel]} with{" "}
              {c.member ? nameIn(pair, c.member.memberId) : "both"}
              <span class="small"> · by {c.coordinator.displayName}</span>
              {c.note && <p class="small">{c.note}</p>}
              {c.followUp && <p class="small">Follow-up: {c.followUp}</p>}
            </li>
          ))}
        </ul>
      )}
      {pair.match.status !== "closed" && (
        <AddContact
          pair={pair}
          onAdded={() => {
            setMessage("Contact logged.");
            loaded.reload();
            focusById("support-t");
          }}
        />
      )}
    </Section>
  );
}

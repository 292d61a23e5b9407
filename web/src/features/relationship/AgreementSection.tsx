import { useEffect, useState } from "preact/hooks";
import type {
  AgreementSectionKey,
  AgreementView,
} from "../../../../workers/shared/src/contracts/relationship/agreements";
import {
  type AgreementEntryKey,
  agreementEntryKeys,
} from "../../../../workers/shared/src/contracts/relationship/stored-shapes";
import { api } from "../../lib/api";
import { count, formatDateTime } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { ErrorMessage, FormActions, Loading, StatusMessage, SubmitButton } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { focusById, nameIn, pairApi } from "./common";
import { Section } from "./fields";
import type { SectionProps } from "./Workspace";

/** The agreement read top to bottom: the program's text, then what each person wrote. */
const parts: { title: string; section?: AgreementSectionKey; entry?: AgreementEntryKey }[] = [
  { title: "Expectations", section: "expectations" },
  { title: "Goals", section: "goals", entry: "goals" },
  { title: "Time commitment", section: "timeCommitment", entry: "timeCommitment" },
  { title: "How often we meet", section: "meetingFrequency", entry: "meetingFrequency" },
  { title: "How we keep in touch", entry: "communication" },
  { title: "Confidentiality", section: "confidentiality" },
  { title: "Boundaries", section: "boundaries", entry: "boundaries" },
];

const labels: Record<AgreementEntryKey, string> = {
  goals: "Your goals",
  timeCommitment: "Your time commitment",
  meetingFrequency: "How often you would like to meet",
  communication: "How to reach you",
  boundaries: "Your boundaries",
};

const hints: Record<AgreementEntryKey, string> = {
  goals: "What you hope to get out of this match.",
  timeCommitment: "How much time you can give, and when.",
  meetingFrequency: "How often you would like to meet.",
  communication: "How and when to reach you between meetings.",
  boundaries: "Anything that is off limits, or times you are not available.",
};

type Entries = Record<AgreementEntryKey, string>;
const emptyEntries = () => Object.fromEntries(agreementEntryKeys.map((k) => [k, ""])) as Entries;

interface Props extends SectionProps {
  agreement: { data: AgreementView | null; error: string | null; loading: boolean };
}

export function AgreementSection({ pair, agreement, onChange, onRaiseConcern }: Props) {
  const view = agreement.data;
  const mySide = pair.seat === "coordinator" ? null : pair.seat;
  const partnerSide = mySide === "mentor" ? "mentee" : mySide === "mentee" ? "mentor" : null;
  const [entries, setEntries] = useState<Entries>(emptyEntries);
  const [note, setNote] = useState<string | null>(null);
  const [ackError, setAckError] = useState<string | null>(null);
  const [acking, setAcking] = useState(false);
  const form = useForm(agreementEntryKeys.map(String));

  // The form starts from what the member last saved; a reload after their save keeps it.
  const saved = view && mySide ? JSON.stringify(view.entries[mySide]) : "";
  useEffect(() => {
    if (view && mySide) setEntries({ ...view.entries[mySide] });
  }, [saved]);

  if (!view) {
    return (
      <Section id="agreement" title="Agreement">
        {agreement.loading && <Loading label="Loading the agreement…" />}
        <ErrorMessage message={agreement.error} />
      </Section>
    );
  }

  const iAcknowledged = view.acknowledgements.some((a) => a.memberId === pair.me.id);
  const save = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({}),
      async () => {
        const next = await api<AgreementView>(pairApi(pair.match.id, "/agreement/mine"), {
          method: "PUT",
          body: entries,
        });
        setNote(
          next.version === view.version
            ? "Nothing changed, so the agreement stays as it was."
            : `Saved as version ${next.version}. ${pair.partner?.displayName ?? "Your partner"} is asked to read and acknowledge it; please acknowledge it too.`,
        );
        onChange();
        focusById("agreement-status");
      },
    );
  };
  const acknowledge = async () => {
    setAcking(true);
    setAckError(null);
    try {
      await api(pairApi(pair.match.id, "/agreement/acknowledge"), {
        method: "POST",
        body: { version: view.version },
      });
      setNote(`You acknowledged version ${view.version}.`);
      onChange();
      focusById("agreement-status");
    } catch (err) {
      setAckError(messageOf(err));
    } finally {
      setAcking(false);
    }
  };

  return (
    <Section id="agreement" title="Agreement">
      <div id="agreement-status" tabIndex={-1}>
        <StatusMessage message={note} />
        <AgreementStatus pair={pair} view={view} />
      </div>
      <form ref={form.formRef} onSubmit={save} noValidate>
        {parts.map((part) => (
          <div key={part.title} class="agreement-part">
            <h3>{part.title}</h3>
            {part.section && <p>{view.sections[part.section]}</p>}
            {part.section === "confidentiality" && (
              <p class="card note">
                <strong>Safety comes first.</strong> {view.safetyNotice}
                {pair.seat !== "coordinator" && (
                  <>
                    {" "}
                    <button type="button" class="button small" onClick={onRaiseConcern}>
                      Raise a concern with the coordinators
                    </button>
                  </>
                )}
              </p>
            )}
            {part.entry && (
              <EntryView
                pair={pair}
                view={view}
                entry={part.entry}
                sides={mySide ? [partnerSide!] : ["mentor", "mentee"]}
              />
            )}
            {part.entry && mySide && pair.canWrite && (
              <TextAreaField
                label={labels[part.entry]}
                name={part.entry}
                value={entries[part.entry]}
                hint={hints[part.entry]}
                error={form.fields[part.entry]}
                rows={3}
                onValue={(text) => setEntries((e) => ({ ...e, [part.entry!]: text }))}
              />
            )}
            {part.entry && mySide && !pair.canWrite && (
              <EntryView pair={pair} view={view} entry={part.entry} sides={[mySide]} />
            )}
          </div>
        ))}
        {pair.canWrite && (
          <>
            <ErrorMessage message={form.error} />
            <FormActions>
              <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
                Save my part
              </SubmitButton>
            </FormActions>
            <p class="small muted">
              Saving a change makes a new version, which you both acknowledge again.
            </p>
          </>
        )}
      </form>
      {pair.canWrite && view.version > 0 && !iAcknowledged && (
        <>
          <ErrorMessage message={ackError} />
          <button type="button" class="button primary" disabled={acking} onClick={acknowledge}>
            {acking ? "Acknowledging…" : `Acknowledge version ${view.version}`}
          </button>
        </>
      )}
    </Section>
  );
}

function EntryView(props: {
  pair: SectionProps["pair"];
  view: AgreementView;
  entry: AgreementEntryKey;
  sides: ("mentor" | "mentee")[];
}) {
  const { pair, view, entry, sides } = props;
  return (
    <dl class="facts">
      {sides.map((side) => {
        const text = view.entries[side][entry];
        return (
          <div key={side}>
            <dt>{nameIn(pair, view.people[side].memberId)} wrote</dt>
            <dd>{text || <span class="muted">Nothing yet.</span>}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Version, who acknowledged, and plainly what stays locked until both have. */
function AgreementStatus({ pair, view }: { pair: SectionProps["pair"]; view: AgreementView }) {
  const acknowledged = view.acknowledgements.map(
    (a) => `${nameIn(pair, a.memberId)} on ${formatDateTime(a.at)}`,
  );
  return (
    <>
      <p>
        {view.version === 0
          ? "Nothing saved yet: this is the program's starting text."
          : `Version ${view.version}${view.savedAt ? `, saved ${formatDateTime(view.savedAt)}` : ""}${view.changedBy ? ` by ${nameIn(pair, view.changedBy)}` : ""}.`}{" "}
        {view.settled
          ? "Both acknowledged it."
          : acknowledged.length > 0
            ? `Acknowledged by ${acknowledged.join(" and ")}; waiting for ${count(2 - acknowledged.length, "more person", "more people")}.`
            : view.version > 0
              ? "Not acknowledged yet."
              : ""}
      </p>
      {view.required && !view.settled && (
        <p class="card note">
          {pair.program.name} asks you to agree first: commitments, check-ins, goals and feedback
          stay locked until you have both acknowledged the latest version. Meetings can be scheduled
          already.
        </p>
      )}
    </>
  );
}

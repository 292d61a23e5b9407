import type { MatchCheckIns } from "../../../../workers/shared/src/contracts/relationship/check-ins";
import { EmptyState, ErrorMessage, Loading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { pairRead } from "../stewardship/api";
import { CheckInForm } from "./CheckInForm";
import { nameIn, pairApi } from "./common";
import { LockedNote, Section } from "./fields";
import { calendarDay } from "./time";
import type { SectionProps } from "./Workspace";

/** The open check-in with its questions, and who has answered each one so far. */
export function CheckInsSection(props: SectionProps) {
  const { pair, version, onChange, locked, readReason } = props;
  // A coordinator reads check-in answers only after saying why (the reason above).
  const waiting = pair.seat === "coordinator" && !readReason;
  const loaded = useLoad(
    () =>
      locked || waiting
        ? Promise.resolve(null)
        : pairRead<MatchCheckIns>(pairApi(pair.match.id, "/check-ins"), readReason),
    [pair.match.id, version, locked, readReason],
  );
  if (locked) {
    return (
      <Section id="check-ins" title="Check-ins">
        <LockedNote what="Check-ins" seat={pair.seat} />
      </Section>
    );
  }
  if (waiting) {
    return (
      <Section id="check-ins" title="Check-ins">
        <p class="card note">
          Choose why you are opening this pair's records, above, to read check-ins.
        </p>
      </Section>
    );
  }
  const data = loaded.data;
  const rules = pair.program.rules.checkIns;
  const iAnswer =
    pair.seat !== "coordinator" && (data?.answeredBy === "both" || data?.answeredBy === pair.seat);
  const open = data?.items.find((c) => c.status === "open");
  return (
    <Section id="check-ins" title="Check-ins">
      <p class="small">
        A few quick questions every {rules.everyDays} days, the first after {rules.firstDay} days.
        Your answers go to you and the coordinators, never to your partner.
      </p>
      <ErrorMessage message={loaded.error} />
      {!data ? (
        loaded.loading && <Loading label="Loading check-ins…" />
      ) : data.items.length === 0 ? (
        <EmptyState>No check-in is due yet.</EmptyState>
      ) : (
        <ul class="list-items" aria-label="Check-ins, latest first">
          {data.items.map((c) => (
            <li key={c.id} class="list-item">
              <strong>
                Check-in {c.period}: {calendarDay(c.opensOn)} to {calendarDay(c.closesOn)}
              </strong>{" "}
              <span class="small">{c.status === "open" ? "· open" : "· closed"}</span>
              <ul class="small">
                {c.people.map((p) => (
                  <li key={p.memberId}>
                    {nameIn(pair, p.memberId)}: {p.answered ? "answered" : "not answered"}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {data && open && iAnswer && pair.canWrite && (
        <CheckInForm pair={pair} checkIn={open} questions={data.questions} onSaved={onChange} />
      )}
    </Section>
  );
}

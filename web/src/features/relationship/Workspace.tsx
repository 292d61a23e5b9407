import "./workspace.css";
import { useCallback, useState } from "preact/hooks";
import type { AgreementView } from "../../../../workers/shared/src/contracts/relationship/agreements";
import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { api } from "../../lib/api";
import { useLocation } from "../../lib/router";
import { useActiveSession } from "../../lib/session-context";
import { ErrorMessage, Loading, PageHeading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { myMatchingPath } from "../my-matching/common";
import { programPath, roleName } from "../programs/common";
import { CoordinatorCare } from "../stewardship/CoordinatorCare";
import { MemberCare } from "../stewardship/MemberCare";
import { RaiseConcern } from "../stewardship/RaiseConcern";
import { ReasonGate } from "../stewardship/ReasonGate";
import { AgreementSection } from "./AgreementSection";
import { CheckInsSection } from "./CheckInsSection";
import { CommitmentsSection } from "./CommitmentsSection";
import { focusById, type Pair, pairApi } from "./common";
import { FeedbackSection } from "./FeedbackSection";
import { GoalsSection } from "./goals/GoalsSection";
import { loadPair } from "./load-pair";
import { CalendarFeed } from "./meetings/CalendarFeed";
import { MeetingsSection } from "./meetings/MeetingsSection";
import { NextToDo } from "./NextToDo";
import { TimelineSection } from "./TimelineSection";

const sections = [
  ["agreement", "Agreement"],
  ["meetings", "Meetings"],
  ["commitments", "Commitments"],
  ["check-ins", "Check-ins"],
  ["goals", "Goals"],
  ["feedback", "Feedback"],
  ["timeline", "Timeline"],
] as const;

const coordinatorSections = [
  ["health", "Health"],
  ["concerns", "Concerns"],
  ["support", "Support log"],
  ["evaluations", "Evaluations"],
] as const;

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** What every section gets: the pair, a way to say something changed, and the lock. */
export interface SectionProps {
  pair: Pair;
  /** Bumped after any change in the workspace, so every section reads again. */
  version: number;
  onChange: () => void;
  /** The program asks for the agreement first and the pair has not both acknowledged it. */
  locked: boolean;
  /** A coordinator's reason for reading the pair's confidential records, sent with each read. */
  readReason: ReadReason | null;
  /** Opens the concern form at the top of the workspace. */
  onRaiseConcern: () => void;
}

/** /o/{slug}/matches/{matchId}: a pair's shared workspace; coordinators read it. */
export function Workspace({ rawMatchId }: { rawMatchId: string }) {
  const { slug, member } = useActiveSession();
  const { search } = useLocation();
  const matchId = safeDecode(rawMatchId);
  const programHint = new URLSearchParams(search).get("program");
  const loaded = useLoad(async () => {
    if (!matchId) throw new Error("There is no match at this address.");
    return loadPair(matchId, programHint, member);
  }, [matchId]);
  const [version, setVersion] = useState(0);
  const onChange = useCallback(() => setVersion((v) => v + 1), []);
  // Chosen once when a coordinator opens the pair, kept while they stay on this page.
  const [readReason, setReadReason] = useState<ReadReason | null>(null);
  const [raising, setRaising] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const onRaiseConcern = useCallback(() => {
    setSaid(null);
    setRaising(true);
    focusById("raise-concern-t");
  }, []);
  const tell = (message: string) => {
    setSaid(message);
    onChange();
    focusById("workspace-said");
  };
  const agreement = useLoad(
    () => api<AgreementView>(pairApi(matchId ?? "", "/agreement")),
    [matchId, version],
  );
  const pair = loaded.data;

  // Coordinators come from the program's Needs attention list; the pair from My matches.
  const back = (
    <p class="breadcrumb">
      {loaded.data?.seat === "coordinator" ? (
        <a href={programPath(slug, loaded.data.program.id, "needs-attention")}>
          {loaded.data.program.name}: needs attention
        </a>
      ) : (
        <a href={myMatchingPath(slug)}>My matches</a>
      )}
    </p>
  );
  if (!pair) {
    return (
      <>
        {back}
        <PageHeading title="Your match">Your match</PageHeading>
        {loaded.loading ? <Loading label="Loading your match…" /> : null}
        <ErrorMessage message={loaded.error} />
      </>
    );
  }

  const title = pair.partner
    ? `You and ${pair.partner.displayName}`
    : `${pair.mentor.displayName} and ${pair.mentee.displayName}`;
  const locked = agreement.data ? agreement.data.required && !agreement.data.settled : false;
  const props: SectionProps = { pair, version, onChange, locked, readReason, onRaiseConcern };
  const coordinator = pair.seat === "coordinator";
  const links = coordinator ? [...coordinatorSections, ...sections] : sections;
  return (
    <div class="workspace">
      {back}
      <div class="workspace-header">
        <PageHeading title={title}>{title}</PageHeading>
        {!coordinator && (
          <button
            type="button"
            class="button"
            aria-expanded={raising}
            aria-controls="raise-concern"
            onClick={() => (raising ? setRaising(false) : onRaiseConcern())}
          >
            Raise a concern
          </button>
        )}
      </div>
      <p class="lead">
        {pair.program.name}
        {pair.seat === "coordinator"
          ? ` · ${pair.mentor.displayName} mentors ${pair.mentee.displayName}.`
          : ` · you are the ${roleName(pair.seat).toLowerCase()}.`}
      </p>
      <div id="workspace-said" tabIndex={-1}>
        <StatusMessage message={said} />
      </div>
      {raising && (
        <RaiseConcern
          matchId={pair.match.id}
          onRaised={(message) => {
            setRaising(false);
            tell(message);
          }}
          onCancel={() => setRaising(false)}
        />
      )}
      {coordinator && (
        <StatusMessage message="You are viewing this pair as a coordinator: you can read, not change." />
      )}
      {coordinator && !readReason && (
        <ReasonGate
          names={`${pair.mentor.displayName} and ${pair.mentee.displayName}`}
          onChoose={(reason) => {
            setReadReason(reason);
            focusById("concerns-t");
          }}
        />
      )}
      {pair.match.status === "closed" && (
        <p class="card note">This match has ended. Its records stay here to read.</p>
      )}
      <NextToDo {...props} />
      <nav aria-label="Workspace sections" class="section-links">
        <ul>
          {links.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {coordinator && <CoordinatorCare pair={pair} reason={readReason} version={version} />}
      <AgreementSection {...props} agreement={agreement} />
      <MeetingsSection {...props} />
      <CommitmentsSection {...props} />
      <CheckInsSection {...props} />
      <GoalsSection {...props} />
      <FeedbackSection {...props} />
      <TimelineSection {...props} />
      {!coordinator && (
        <MemberCare
          pair={pair}
          version={version}
          onClosed={(message) => {
            tell(message);
            loaded.reload();
          }}
        />
      )}
      {!coordinator && <CalendarFeed />}
    </div>
  );
}

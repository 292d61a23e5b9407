import "./workspace.css";
import { useCallback, useState } from "preact/hooks";
import type { AgreementView } from "../../../../workers/shared/src/contracts/agreements";
import { api } from "../../lib/api";
import { useLocation } from "../../lib/router";
import { useActiveSession } from "../../lib/session-context";
import { ErrorMessage, Loading, PageHeading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { myMatchingPath } from "../my-matching/common";
import { roleName } from "../programs/common";
import { AgreementSection } from "./AgreementSection";
import { CalendarFeed } from "./CalendarFeed";
import { CheckInsSection } from "./CheckInsSection";
import { CommitmentsSection } from "./CommitmentsSection";
import { type Pair, pairApi } from "./common";
import { FeedbackSection } from "./FeedbackSection";
import { GoalsSection } from "./GoalsSection";
import { loadPair } from "./load-pair";
import { MeetingsSection } from "./MeetingsSection";
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
  const agreement = useLoad(
    () => api<AgreementView>(pairApi(matchId ?? "", "/agreement")),
    [matchId, version],
  );
  const pair = loaded.data;

  const back = (
    <p class="breadcrumb">
      <a href={myMatchingPath(slug)}>My matches</a>
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
  const props: SectionProps = { pair, version, onChange, locked };
  return (
    <div class="workspace">
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">
        {pair.program.name}
        {pair.seat === "coordinator"
          ? ` · ${pair.mentor.displayName} mentors ${pair.mentee.displayName}.`
          : ` · you are the ${roleName(pair.seat).toLowerCase()}.`}
      </p>
      {pair.seat === "coordinator" && (
        <StatusMessage message="You are viewing this pair as a coordinator: you can read, not change." />
      )}
      {pair.match.status !== "active" && (
        <p class="card note">This match has ended. Its records stay here to read.</p>
      )}
      <NextToDo {...props} />
      <nav aria-label="Workspace sections" class="section-links">
        <ul>
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <AgreementSection {...props} agreement={agreement} />
      <MeetingsSection {...props} />
      <CommitmentsSection {...props} />
      <CheckInsSection {...props} />
      <GoalsSection {...props} />
      <FeedbackSection {...props} />
      <TimelineSection {...props} />
      {pair.seat !== "coordinator" && <CalendarFeed />}
    </div>
  );
}

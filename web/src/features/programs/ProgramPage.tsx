import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { useActiveSession } from "../../lib/session-context";
import { ErrorMessage, Loading, PageHeading } from "../../ui/feedback";
import { lazyComponent } from "../../ui/lazy";
import { useLoad } from "../../ui/use-load";
import { ReviewQueue } from "../enrollments/review/ReviewQueue";
import { TrainingAdmin } from "../training/TrainingAdmin";
import { programApi, programPath } from "./common";
import { Lifecycle } from "./Lifecycle";
import { ProgramDates, RuleSummary, StatusBadge } from "./parts";

export const programTabs = [
  ["overview", "Overview"],
  ["rules", "Rules"],
  ["form", "Application form"],
  ["training", "Training"],
  ["applications", "Applications"],
  ["matching", "Matching"],
  ["needs-attention", "Needs attention"],
  ["reminders", "Reminders"],
] as const;
export type ProgramTab = (typeof programTabs)[number][0];

// The editors carry the rules schema and its validation library: fetched when first opened.
const RuleEditor = lazyComponent(
  () => import("./editor/RuleEditor").then((m) => m.RuleEditor),
  "Loading the rule editor…",
);
const MatchingBoard = lazyComponent(
  () => import("../matching/MatchingBoard").then((m) => m.MatchingBoard),
  "Loading the matching board…",
);
const NeedsAttention = lazyComponent(
  () => import("../stewardship/NeedsAttention").then((m) => m.NeedsAttention),
  "Loading the pairs that need attention…",
);
const RemindersPage = lazyComponent(
  () => import("../reminders/RemindersPage").then((m) => m.RemindersPage),
  "Loading the program's reminders…",
);
const FormEditor = lazyComponent(
  () => import("./editor/FormEditor").then((m) => m.FormEditor),
  "Loading the form editor…",
);

export interface ProgramProps {
  program: ProgramView;
  onProgram: (program: ProgramView) => void;
}

function Overview({ program, onProgram }: ProgramProps) {
  return (
    <div class="grid-2 wide-first">
      <section class="card" aria-labelledby="summary-t">
        <h2 id="summary-t" class="visually-hidden">
          Rules summary
        </h2>
        <RuleSummary summary={program.summary} />
        <p class="small muted">Rules version {program.rulesVersion}.</p>
      </section>
      <section class="card" aria-labelledby="lifecycle-t">
        <h2 id="lifecycle-t">Status</h2>
        <Lifecycle program={program} onProgram={onProgram} />
        <dl class="facts">
          <dt>When</dt>
          <dd>
            <ProgramDates program={program} />
          </dd>
          {program.audience && (
            <>
              <dt>For</dt>
              <dd>{program.audience}</dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}

/** One program for its coordinators: overview and lifecycle, rules, form, training, queue, reminders. */
export function ProgramPage({ programId, tab }: { programId: string; tab: ProgramTab }) {
  const { slug } = useActiveSession();
  const loaded = useLoad(() => api<ProgramView>(programApi(programId)), [programId]);
  const program = loaded.data;
  if (!program) {
    return (
      <>
        <PageHeading title="Program">Program</PageHeading>
        {loaded.loading ? (
          <Loading label="Loading the program…" />
        ) : (
          <ErrorMessage message={loaded.error} />
        )}
      </>
    );
  }
  const onProgram = (next: ProgramView) => loaded.setData(() => next);
  const props = { program, onProgram };
  const tabLabel = programTabs.find(([key]) => key === tab)?.[1] ?? "";
  return (
    <>
      <p class="breadcrumb">
        <a href={programPath(slug)}>Programs</a>
      </p>
      <div class="program-title">
        <PageHeading title={tab === "overview" ? program.name : `${tabLabel} · ${program.name}`}>
          {program.name}
        </PageHeading>
        <StatusBadge status={program.status} />
      </div>
      {program.description && <p class="lead">{program.description}</p>}
      <nav class="tabs" aria-label="Program sections">
        <ul>
          {programTabs.map(([key, label]) => (
            <li key={key}>
              <a
                href={programPath(slug, program.id, key === "overview" ? undefined : key)}
                aria-current={key === tab ? "page" : undefined}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === "overview" && <Overview {...props} />}
      {tab === "rules" && <RuleEditor {...props} />}
      {tab === "form" && <FormEditor {...props} />}
      {tab === "training" && <TrainingAdmin program={program} />}
      {tab === "applications" && <ReviewQueue program={program} />}
      {tab === "matching" && <MatchingBoard program={program} />}
      {tab === "needs-attention" && <NeedsAttention program={program} />}
      {tab === "reminders" && <RemindersPage program={program} />}
    </>
  );
}

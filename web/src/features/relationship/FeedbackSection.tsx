import { useState } from "preact/hooks";
import type {
  FeedbackList,
  FeedbackView,
} from "../../../../workers/shared/src/contracts/relationship/feedback";
import { api } from "../../lib/api";
import { count, formatDate } from "../../lib/format";
import { EmptyState, ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { focusById, nameIn, pairApi } from "./common";
import { LockedNote, Section } from "./fields";
import { GiveFeedback } from "./GiveFeedback";
import type { SectionProps } from "./Workspace";

function FeedbackCard({
  pair,
  item,
  questions,
}: {
  pair: SectionProps["pair"];
  item: FeedbackView;
  questions: FeedbackList["questions"];
}) {
  const from = nameIn(pair, item.authorId);
  return (
    <li class="list-item">
      <strong>
        From {from === "You" ? "you" : from} to{" "}
        {nameIn(pair, item.recipientId).replace(/^You$/, "you")}
      </strong>{" "}
      <span class="small">{formatDate(item.createdAt)}</span>
      <dl class="facts">
        {item.answers.workingWell && (
          <div>
            <dt>{questions.workingWell}</dt>
            <dd>{item.answers.workingWell}</dd>
          </div>
        )}
        {item.answers.support && (
          <div>
            <dt>{questions.support}</dt>
            <dd>{item.answers.support}</dd>
          </div>
        )}
        {item.note && (
          <div>
            <dt>Note</dt>
            <dd>{item.note}</dd>
          </div>
        )}
      </dl>
      {item.sharedWithCoordinators && <p class="small muted">Shared with the coordinators.</p>}
    </li>
  );
}

/** Feedback to the partner (two questions and a note), and what each has received. */
export function FeedbackSection(props: SectionProps) {
  const { pair, version, onChange, locked } = props;
  const loaded = useLoad(
    () => (locked ? Promise.resolve(null) : api<FeedbackList>(pairApi(pair.match.id, "/feedback"))),
    [pair.match.id, version, locked],
  );
  const [note, setNote] = useState<string | null>(null);
  if (locked) {
    return (
      <Section id="feedback" title="Feedback">
        <LockedNote what="Feedback" seat={pair.seat} />
      </Section>
    );
  }
  const data = loaded.data;
  const received = data?.items.filter((f) => f.recipientId === pair.me.id) ?? [];
  const given = data?.items.filter((f) => f.authorId === pair.me.id) ?? [];
  const others =
    data?.items.filter((f) => f.recipientId !== pair.me.id && f.authorId !== pair.me.id) ?? [];
  return (
    <Section id="feedback" title="Feedback">
      <StatusMessage message={note} />
      <ErrorMessage message={loaded.error} />
      {!data ? (
        loaded.loading && <Loading label="Loading feedback…" />
      ) : pair.seat === "coordinator" ? (
        <>
          <ul class="small" aria-label="Feedback so far">
            {data.summary.map((s) => (
              <li key={s.direction}>
                To the {s.direction === "toMentor" ? "mentor" : "mentee"}: {count(s.count, "piece")}
                {s.lastAt && `, last on ${formatDate(s.lastAt)}`}
              </li>
            ))}
          </ul>
          <h3>Shared with the coordinators</h3>
          {others.length === 0 ? (
            <EmptyState>Nothing shared with the coordinators.</EmptyState>
          ) : (
            <ul class="list-items">
              {others.map((f) => (
                <FeedbackCard key={f.id} pair={pair} item={f} questions={data.questions} />
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <h3>What you received</h3>
          {received.length === 0 ? (
            <EmptyState>No feedback for you yet.</EmptyState>
          ) : (
            <ul class="list-items" aria-label="Feedback you received">
              {received.map((f) => (
                <FeedbackCard key={f.id} pair={pair} item={f} questions={data.questions} />
              ))}
            </ul>
          )}
          {given.length > 0 && (
            <details>
              <summary>What you gave ({given.length})</summary>
              <ul class="list-items" aria-label="Feedback you gave">
                {given.map((f) => (
                  <FeedbackCard key={f.id} pair={pair} item={f} questions={data.questions} />
                ))}
              </ul>
            </details>
          )}
          {pair.canWrite && (
            <GiveFeedback
              pair={pair}
              questions={data.questions}
              onGiven={() => {
                setNote(
                  `Thank you. ${pair.partner?.displayName ?? "Your partner"} is told that feedback arrived.`,
                );
                onChange();
                focusById("feedback-t");
              }}
            />
          )}
        </>
      )}
    </Section>
  );
}

import { useState } from "preact/hooks";
import type {
  AddedWebhookTarget,
  WebhookTargetView,
} from "../../../../workers/shared/src/contracts/webhooks";
import { useActiveSession } from "../../lib/session-context";
import { PageHeading } from "../../ui/feedback";
import { PagedList } from "../../ui/PagedList";
import { usePages } from "../../ui/use-pages";
import { AddTarget } from "./AddTarget";
import { NewSecret } from "./NewSecret";
import { TargetsTable } from "./TargetsTable";

/** Where coordinator reminders are posted: the organization's chat channels. */
export function WebhooksPage() {
  const { slug } = useActiveSession();
  const [reload, setReload] = useState(0);
  const list = usePages<WebhookTargetView>("/v1/webhook-targets", {}, reload);
  const [added, setAdded] = useState<AddedWebhookTarget | null>(null);

  const onAdded = (target: AddedWebhookTarget) => {
    setAdded(target);
    setReload((n) => n + 1);
  };

  return (
    <>
      <PageHeading title="Webhooks">Webhooks</PageHeading>
      <p class="lead">
        Post coordinator reminders (a pair due a check-in from a coordinator, an escalation) to a
        Slack or Microsoft Teams channel, for programs whose reminders include the webhook channel.
        Members' own reminders are never posted here.
      </p>
      {added && <NewSecret target={added} onDone={() => setAdded(null)} />}
      <div class="stack">
        <section aria-labelledby="targets-t">
          <h2 id="targets-t">Targets</h2>
          <PagedList
            list={list}
            loadingLabel="Loading webhook targets…"
            empty="No webhook targets yet."
            noun={["target", "targets"]}
            hideCountWhenEmpty
          >
            <TargetsTable
              targets={list.items}
              onChange={list.replace}
              onRemove={list.remove}
              deliveriesHref={`/o/${encodeURIComponent(slug)}/deliveries`}
            />
          </PagedList>
        </section>
        <AddTarget onAdded={onAdded} />
      </div>
    </>
  );
}

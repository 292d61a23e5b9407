import type {
  NotificationPreferencesView,
  PersonalChannel,
} from "../../../../workers/shared/src/contracts/notifications";
import { api } from "../../lib/api";
import { ErrorMessage, Loading, PageHeading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { PreferencesForm } from "./PreferencesForm";

const path = "/v1/me/notification-preferences";

/** Settings › Notifications: the signed-in member's reminder channels. */
export function PreferencesPage() {
  const loaded = useLoad(() => api<NotificationPreferencesView>(path), []);
  const save = (channels: PersonalChannel[]) =>
    api<NotificationPreferencesView>(path, { method: "PUT", body: { channels } });
  return (
    <>
      <PageHeading title="Notification settings">Notification settings</PageHeading>
      <p class="lead">Choose how Tandem reminds you of check-ins, meetings, goals and more.</p>
      <ErrorMessage message={loaded.error} />
      {loaded.data ? (
        <PreferencesForm initial={loaded.data} save={save} />
      ) : loaded.loading ? (
        <Loading label="Loading your settings…" />
      ) : null}
    </>
  );
}

import type {
  NotificationPreferencesView,
  PersonalChannel,
} from "../../../../workers/shared/src/contracts/notifications";
import { preferenceLinkHeader } from "../../../../workers/shared/src/contracts/notifications";
import { networkError, problemFrom } from "../../lib/problem";
import { ErrorMessage, Loading } from "../../ui/feedback";
import { PublicPage } from "../../ui/PublicFrame";
import { useLoad } from "../../ui/use-load";
import { PreferencesForm } from "./PreferencesForm";

/** The by-link routes: the token travels in a header, never in an address a log could keep. */
async function byLink(
  slug: string,
  token: string,
  init: { method: "GET" } | { method: "PUT"; channels: PersonalChannel[] },
): Promise<NotificationPreferencesView> {
  let res: Response;
  try {
    res = await fetch(`/v1/orgs/${encodeURIComponent(slug)}/notification-preferences/by-link`, {
      method: init.method,
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        [preferenceLinkHeader]: token,
      },
      ...(init.method === "PUT" ? { body: JSON.stringify({ channels: init.channels }) } : {}),
    });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await problemFrom(res);
  return (await res.json()) as NotificationPreferencesView;
}

/**
 * Opened from the "Change how Tandem reminds you" link in a reminder email: no sign-in, the
 * link's token says whose reminders these are.
 */
export function PreferencesByLinkPage({ slug, token }: { slug: string; token: string | null }) {
  const loaded = useLoad(
    () =>
      token
        ? byLink(slug, token, { method: "GET" })
        : Promise.reject(new Error("This page needs the link from a reminder email.")),
    [slug, token],
  );
  const save = (channels: PersonalChannel[]) =>
    byLink(slug, token ?? "", { method: "PUT", channels });
  return (
    <PublicPage title="How Tandem reminds you">
      <ErrorMessage message={loaded.error} />
      {loaded.error ? (
        <div class="card">
          <p>
            You can also <a href={`/o/${slug}/sign-in`}>sign in</a> and choose under Notifications.
          </p>
        </div>
      ) : loaded.data ? (
        <PreferencesForm initial={loaded.data} save={save} />
      ) : (
        <Loading label="Opening your reminder settings…" />
      )}
    </PublicPage>
  );
}

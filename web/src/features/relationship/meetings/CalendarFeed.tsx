import { useState } from "preact/hooks";
import type { CalendarFeedView } from "../../../../../workers/shared/src/contracts/relationship/meetings";
import { api } from "../../../lib/api";
import { messageOf } from "../../../lib/problem";
import { ConfirmDialog, ErrorMessage, StatusMessage } from "../../../ui/feedback";
import { TextField } from "../../../ui/fields";
import { useConfirm } from "../../../ui/use-confirm";
import { focusById } from "../common";
import { Section } from "../fields";

/** A private calendar address with the member's meetings: create, copy, turn off. */
export function CalendarFeed() {
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revoking = useConfirm<true>();

  const create = async () => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const feed = await api<CalendarFeedView>("/v1/me/calendar-feed", { method: "POST" });
      setUrl(feed.url);
      setNote("Your calendar link is ready. Any earlier link no longer works.");
      focusById("calendar-t");
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNote("Copied. Paste it into your calendar app as a subscription.");
    } catch {
      setNote("Select the link and copy it yourself: your browser did not allow copying.");
    }
  };
  const revoke = () =>
    revoking.run(async () => {
      await api("/v1/me/calendar-feed", { method: "DELETE" });
      setUrl(null);
      setNote("Your calendar link is turned off. Calendars using it stop updating.");
      focusById("calendar-t");
    });

  return (
    <Section id="calendar" title="Calendar">
      <p class="small">
        Subscribe to your meetings from every match in your own calendar app. Keep the link to
        yourself: anyone with it can see your meetings.
      </p>
      <StatusMessage message={note} />
      <ErrorMessage message={error} />
      {url && (
        <TextField
          label="Your calendar link"
          name="calendar-url"
          value={url}
          onValue={() => {}}
          readOnly
        />
      )}
      <div class="row-actions">
        <button type="button" class="button" disabled={busy} onClick={create}>
          {url ? "Make a new link" : "Create a calendar link"}
        </button>
        {url && (
          <button type="button" class="button" onClick={copy}>
            Copy the link
          </button>
        )}
        <button type="button" class="button danger" onClick={() => revoking.ask(true)}>
          Turn off my calendar link
        </button>
      </div>
      {revoking.asking && (
        <ConfirmDialog
          title="Turn off your calendar link?"
          confirmLabel="Turn off"
          danger
          busy={revoking.busy}
          error={revoking.error}
          onConfirm={revoke}
          onCancel={revoking.cancel}
        >
          <p>Calendars subscribed to it stop showing your meetings. You can make a new one.</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

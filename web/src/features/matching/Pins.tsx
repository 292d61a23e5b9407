import { useState } from "preact/hooks";
import type { PinView } from "../../../../workers/shared/src/contracts/matches";
import { api, query } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { EmptyState, ErrorMessage } from "../../ui/feedback";
import { matchingApi } from "./words";

export type PinKind = PinView["kind"];

/** Pins or forbids a pair for the next runs; the API refuses a pin that breaks a rule, saying why. */
export async function setPin(
  programId: string,
  pair: { mentorId: string; menteeId: string },
  kind: PinKind,
): Promise<void> {
  await api(matchingApi(programId, "/pins"), { method: "PUT", body: { ...pair, kind } });
}

interface PinButtonsProps {
  programId: string;
  mentor: { memberId: string; displayName: string };
  mentee: { memberId: string; displayName: string };
  onChange: (message: string) => void;
}

/** "Pin" and "Forbid" for one pair, with the API's refusal shown beside them. */
export function PinButtons({ programId, mentor, mentee, onChange }: PinButtonsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pair = `${mentor.displayName} with ${mentee.displayName}`;
  const pin = async (kind: PinKind) => {
    setBusy(true);
    setError(null);
    try {
      await setPin(programId, { mentorId: mentor.memberId, menteeId: mentee.memberId }, kind);
      onChange(
        kind === "pin"
          ? `Pinned: runs will always pair ${pair}.`
          : `Forbidden: runs will never pair ${pair}.`,
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button small" disabled={busy} onClick={() => pin("pin")}>
        Pin<span class="visually-hidden"> {pair}</span>
      </button>
      <button type="button" class="button small" disabled={busy} onClick={() => pin("forbid")}>
        Forbid<span class="visually-hidden"> {pair}</span>
      </button>
      {error && <ErrorMessage message={error} />}
    </>
  );
}

/** The pairs runs must keep or must never make, each removable. */
export function Pins(props: {
  programId: string;
  pins: PinView[];
  onChange: (message: string) => void;
}) {
  const { programId, pins, onChange } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = async (pin: PinView) => {
    const key = `${pin.mentor.memberId}:${pin.mentee.memberId}`;
    setBusy(key);
    setError(null);
    try {
      const pair = { mentorId: pin.mentor.memberId, menteeId: pin.mentee.memberId };
      await api(matchingApi(programId, `/pins${query(pair)}`), { method: "DELETE" });
      document.getElementById("pins-t")?.focus();
      onChange(
        `Removed the ${pin.kind} on ${pin.mentor.displayName} and ${pin.mentee.displayName}.`,
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card" aria-labelledby="pins-t">
      <h2 id="pins-t" tabIndex={-1}>
        Pinned and forbidden pairs
      </h2>
      <ErrorMessage message={error} />
      {pins.length === 0 ? (
        <EmptyState>None. Pin or forbid a pair from a suggestion or a proposal.</EmptyState>
      ) : (
        <ul class="training-list">
          {pins.map((pin) => {
            const key = `${pin.mentor.memberId}:${pin.mentee.memberId}`;
            const pair = `${pin.mentor.displayName} and ${pin.mentee.displayName}`;
            return (
              <li key={key}>
                <span class={pin.kind === "pin" ? "badge badge-active" : "badge badge-revoked"}>
                  {pin.kind === "pin" ? "Pinned" : "Forbidden"}
                </span>{" "}
                {pin.mentor.displayName} (mentor) with {pin.mentee.displayName} (mentee){" "}
                <button
                  type="button"
                  class="button small"
                  disabled={busy === key}
                  onClick={() => remove(pin)}
                >
                  Remove
                  <span class="visually-hidden">
                    {" "}
                    the {pin.kind} on {pair}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useState } from "preact/hooks";

const TIMEOUT_MS = 5_000;

type ApiState = "pending" | "ok" | "unreachable";

async function checkApi(): Promise<ApiState> {
  try {
    const res = await fetch("/healthz", {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) return "unreachable";
    const body: unknown = await res.json();
    const status =
      typeof body === "object" && body !== null ? (body as { status?: unknown }).status : undefined;
    return status === "ok" ? "ok" : "unreachable";
  } catch {
    return "unreachable";
  }
}

/** "API: ok" once /healthz answers. */
export function ApiStatus() {
  const [state, setState] = useState<ApiState>("pending");
  useEffect(() => {
    void checkApi().then(setState);
  }, []);
  return (
    <p id="api-status" class="status" role="status" aria-live="polite" data-state={state}>
      {state === "pending" ? "API: checking…" : `API: ${state}`}
    </p>
  );
}

/** Whether this host has the dev mailbox (the Node host with no email provider). */
export async function hasDevMailbox(): Promise<boolean> {
  try {
    const res = await fetch("/dev/mailbox?to=-", { headers: { accept: "application/json" } });
    return res.ok && (res.headers.get("content-type") ?? "").includes("application/json");
  } catch {
    return false;
  }
}

/** A link for developers, shown only where the dev mailbox exists. */
export function DevMailboxLink() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    void hasDevMailbox().then(setShown);
  }, []);
  return shown ? (
    <p class="dev-link">
      Running locally? Read sent emails in the <a href="/dev/mail">dev mailbox</a>.
    </p>
  ) : null;
}

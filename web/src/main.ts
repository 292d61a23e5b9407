const HEALTH_URL = "/healthz";
const TIMEOUT_MS = 5_000;

type ApiState = "ok" | "unreachable";

async function checkApi(): Promise<ApiState> {
  try {
    const res = await fetch(HEALTH_URL, {
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

async function showApiStatus(): Promise<void> {
  const el = document.getElementById("api-status");
  if (!el) return;
  const state = await checkApi();
  el.dataset.state = state;
  el.textContent = `API: ${state}`;
}

void showApiStatus();

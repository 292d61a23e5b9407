import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const DEFAULT_CHROMIUM = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches the system Chromium (Debian package) headless. Set CHROMIUM_PATH to use another build.
 * Never downloads a browser: playwright's own browser builds can't be fetched here.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
        "(or set CHROMIUM_PATH to a Chromium executable).",
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningHost, startHost } from "../../host/server";
import { silentLogger } from "../../workers/shared/src/platform/log";
import { launchBrowser } from "../support/browser";

describe("home page", () => {
  let dataDir: string | undefined;
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "tandem-e2e-"));
    host = await startHost({ port: 0, dataDir, scheduler: false, log: silentLogger });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(err.message));
    const res = await page.goto(host.url, { waitUntil: "load" });
    expect(res?.ok(), `GET ${host.url} -> ${res?.status()}`).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("has a lang attribute", async () => {
    const lang = await page.locator("html").getAttribute("lang");
    expect(lang).toBeTruthy();
  });

  it("shows the Tandem heading", async () => {
    expect((await page.locator("h1").textContent())?.trim()).toBe("Tandem");
  });

  it("reports the API as ok", async () => {
    const status = page.locator("#api-status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    await status.filter({ hasText: "API: ok" }).waitFor({ timeout: 10_000 });
    expect((await status.textContent())?.trim()).toBe("API: ok");
  });

  it("describes what Tandem does today, and promises no reminders as if they existed", async () => {
    const hero = page.locator(".hero");
    expect(await hero.textContent()).toContain("review their applications");
    expect(await hero.textContent()).not.toMatch(/everyone is reminded/);
  });

  it("logs no console errors", () => {
    expect(consoleErrors).toEqual([]);
  });
});

import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { type RunningHost, startHost } from "../../host/server";
import { inviteFirstAdmin } from "../../workers/api/src/features/members/invitations";
import { silentLogger } from "../../workers/shared/src/platform/log";
import { createTenant, findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { launchBrowser } from "../support/browser";
import { axeViolations } from "./axe";

export const screenshotDir = join(process.cwd(), "test-results");

export interface E2e {
  host: RunningHost;
  browser: Browser;
  /** http://localhost:<port>: the host's PUBLIC_URL, so emailed links and the Origin check fit. */
  base: string;
  close(): Promise<void>;
}

/** The Node host on fresh data and a headless Chromium, one pair per test file. */
export async function startE2e(): Promise<E2e> {
  const dataDir = await mkdtemp(join(tmpdir(), "tandem-e2e-"));
  const host = await startHost({ port: 0, dataDir, scheduler: false, log: silentLogger, env: {} });
  const browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  return {
    host,
    browser,
    base: host.url,
    async close() {
      await browser.close();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An organization and its first admin's invitation link, as the operator CLI makes them. */
export async function createOrganization(
  e2e: E2e,
  slug: string,
  name: string,
  adminEmail: string,
): Promise<{ link: string }> {
  const { platform } = e2e.host;
  await createTenant({ ...platform, actor: "e2e" }, { slug, name, kind: "university" });
  const tenant = await findTenantBySlug(platform.control, slug);
  return inviteFirstAdmin({ platform, tenant, email: adminEmail, now: new Date() });
}

/** Accepts an invitation through the API, for tests whose subject is something else. */
export async function acceptByApi(
  e2e: E2e,
  link: string,
  password: string,
  displayName: string,
): Promise<void> {
  const url = new URL(link);
  const slug = url.pathname.split("/")[2]!;
  const token = new URLSearchParams(url.hash.slice(1)).get("token");
  const res = await fetch(`${e2e.base}/v1/orgs/${slug}/auth/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, password, displayName }),
  });
  if (!res.ok) throw new Error(`accepting ${link} -> ${res.status} ${await res.text()}`);
}

/** The newest link of a kind in the dev mailbox for an address, waiting for it to arrive. */
export async function mailedLink(e2e: E2e, to: string, kind: string): Promise<string> {
  const pattern = new RegExp(`https?://\\S+/o/[a-z0-9-]+/${kind}#token=\\S+`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await fetch(`${e2e.base}/dev/mailbox?to=${encodeURIComponent(to)}`);
    const { items } = (await res.json()) as { items: { text: string }[] };
    const link = items.map((m) => pattern.exec(m.text)?.[0]).find(Boolean);
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} link mailed to ${to}`);
}

export async function signIn(page: Page, base: string, slug: string, email: string, pw: string) {
  await page.goto(`${base}/o/${slug}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(pw);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: /^Welcome/ }).waitFor();
}

/** Form controls with no accessible name: each should have a <label> (or aria-label). */
export function unlabeledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((el) => (el as HTMLInputElement).type !== "hidden")
      .filter((el) => {
        const control = el as HTMLInputElement;
        const labelled = (control.labels?.length ?? 0) > 0;
        return !labelled && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby");
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** How far the page is wider than the viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** The page, once settled, passes axe, labels every control and fits its width. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(await axeViolations(page)).toEqual([]);
  expect(await unlabeledControls(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
}

/** Waits until a status region announces `text`. */
export const announced = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text }).first().waitFor();

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Text whose colour has a contrast ratio under 4.5:1 against the background behind it
 * (WCAG AA for body text). Disabled controls are exempt, as WCAG allows.
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgba = (css: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: css.startsWith("rgba") ? a : 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        const bg = rgba(getComputedStyle(e).backgroundColor);
        if (bg.a > 0.5) return bg;
      }
      return rgba(getComputedStyle(document.documentElement).backgroundColor);
    };
    const offenders: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!own || el.closest("[disabled], .visually-hidden, noscript")) continue;
      if ((el as HTMLElement).offsetParent === null) continue;
      const fg = luminance(rgba(getComputedStyle(el).color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) offenders.push(`${ratio.toFixed(2)} ${el.outerHTML.slice(0, 80)}`);
    }
    return offenders;
  });
}

/** An access token for API calls a test makes beside the browser (setup, final checks). */
export async function apiToken(e2e: E2e, slug: string, email: string, pw: string) {
  const res = await fetch(`${e2e.base}/v1/orgs/${slug}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: pw }),
  });
  if (!res.ok) throw new Error(`login ${email} -> ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * The organization most tests start from: created by the operator, its first admin's
 * invitation accepted through the API. Answers the admin's access token.
 */
export async function organizationWithAdmin(
  e2e: E2e,
  slug: string,
  name: string,
  admin: { email: string; password: string },
  adminName: string,
): Promise<string> {
  const { link } = await createOrganization(e2e, slug, name, admin.email);
  await acceptByApi(e2e, link, admin.password, adminName);
  return apiToken(e2e, slug, admin.email, admin.password);
}

/** A call to /v1/… with a bearer token; throws on anything but 2xx. */
export async function apiCall<T>(
  e2e: E2e,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${e2e.base}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new Error(`${path} -> ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A member invited by an admin and signed up through the API. */
export async function addMember(
  e2e: E2e,
  adminToken: string,
  member: { email: string; password: string; displayName: string },
): Promise<void> {
  await apiCall(e2e, adminToken, "/v1/members/invitations", {
    method: "POST",
    body: { email: member.email, role: "member" },
  });
  const link = await mailedLink(e2e, member.email, "accept");
  await acceptByApi(e2e, link, member.password, member.displayName);
}

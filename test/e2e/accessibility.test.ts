import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteFirstAdmin } from "../../workers/api/src/features/members/invitations";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import {
  acceptByApi,
  createOrganization,
  type E2e,
  horizontalOverflow,
  lowContrastText,
  screenshot,
  signIn,
  startE2e,
  unlabeledControls,
} from "./helpers";

const slug = "riverside";
const email = "lead@riverside.example";
const password = "tandem-river-otter-2031";

describe("the web client with a keyboard, a screen reader's eyes and a small phone", () => {
  let e2e: E2e;
  let pendingLink: string;

  beforeAll(async () => {
    e2e = await startE2e();
    const { link } = await createOrganization(e2e, slug, "Riverside College", email);
    await acceptByApi(e2e, link, password, "Robin Lead");
    // A second invitation stays open, so the accept page can be checked as an invitee sees it.
    const { platform } = e2e.host;
    const tenant = await findTenantBySlug(platform.control, slug);
    ({ link: pendingLink } = await inviteFirstAdmin({
      platform,
      tenant,
      email: "second@riverside.example",
      now: new Date(),
    }));
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("signs in with Tab, typing and Enter alone, with a visible focus ring", async () => {
    const page = await (await e2e.browser.newContext()).newPage();
    await page.goto(`${e2e.base}/o/${slug}/sign-in`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    let focused = "";
    for (let i = 0; i < 6 && focused !== "email"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("name") ?? "");
    }
    expect(focused).toBe("email");
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe("none");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type("not the password");
    await page.keyboard.press("Enter");
    const alert = page.getByRole("alert").filter({ hasText: "Email or password is incorrect." });
    await alert.waitFor();
    await screenshot(page, "sign-in-error");
    await page.getByLabel("Password").fill("");
    await page.getByLabel("Password").focus();
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Welcome, Robin Lead" }).waitFor();
  });

  it("says how long to wait after too many failed sign-ins", async () => {
    const page = await (await e2e.browser.newContext()).newPage();
    await page.goto(`${e2e.base}/o/${slug}/sign-in`);
    await page.getByLabel("Email").fill("guess@riverside.example");
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel("Password").fill(`wrong-guess-${attempt}`);
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/auth/login")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      statuses.push(res.status());
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const wait = /^Too many sign-in attempts\. Try again in 15 minutes\.$/;
    await page.getByRole("alert").filter({ hasText: wait }).waitFor();
  });

  it("moves focus to the new page's heading after each navigation", async () => {
    const page = await (await e2e.browser.newContext()).newPage();
    await signIn(page, e2e.base, slug, email, password);
    for (const name of ["Members", "API clients", "Audit log", "Home"]) {
      await page.getByRole("navigation").getByRole("link", { name }).click();
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
      const text = await page.evaluate(() => document.activeElement?.textContent ?? "");
      expect(text).toContain(name === "Home" ? "Welcome" : name);
    }
  });

  it.each(["light", "dark"] as const)("keeps text readable in %s mode", async (colorScheme) => {
    const context = await e2e.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${e2e.base}/`);
    await page.locator("#api-status[data-state='ok']").waitFor();
    expect(await lowContrastText(page), "landing").toEqual([]);
    await signIn(page, e2e.base, slug, email, password);
    await page.goto(`${e2e.base}/o/${slug}/members`);
    await page.getByRole("table", { name: "Members" }).waitFor();
    expect(await lowContrastText(page), "members").toEqual([]);
    await screenshot(page, `members-${colorScheme}`);
    await context.close();
  });

  describe("on every page", () => {
    let context: BrowserContext;
    let page: Page;
    const signedOut = () => [
      ["landing", "/"],
      ["sign-in", `/o/${slug}/sign-in`],
      ["forgot-password", `/o/${slug}/forgot-password`],
      ["accept", new URL(pendingLink).pathname + new URL(pendingLink).hash],
      ["reset-password", `/o/${slug}/reset-password#token=x`],
      ["confirm-email", `/o/${slug}/confirm-email#token=x`],
      ["dev-mailbox", "/dev/mail"],
    ];
    const signedInPages = [
      ["home", `/o/${slug}/`],
      ["members", `/o/${slug}/members`],
      ["api-clients", `/o/${slug}/clients`],
      ["audit-log", `/o/${slug}/audit`],
      ["email-deliveries", `/o/${slug}/deliveries`],
    ];

    beforeAll(async () => {
      context = await e2e.browser.newContext({ viewport: { width: 375, height: 800 } });
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    /** Opens a page and waits for its content (not a loading note) to be drawn. */
    async function open(path: string) {
      await page.goto(`${e2e.base}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForFunction(() => !document.querySelector(".loading"));
    }

    it("labels every form control and fits 375 px without sideways scrolling", async () => {
      for (const [name, path] of signedOut()) {
        await open(path!);
        expect(await unlabeledControls(page), name).toEqual([]);
        expect(await horizontalOverflow(page), name).toBe(0);
        await screenshot(page, `375-${name}`);
      }
      await signIn(page, e2e.base, slug, email, password);
      for (const [name, path] of signedInPages) {
        await open(path!);
        if (name === "members") {
          await page.getByLabel("Or paste the CSV here").fill("email,role\nbad,boss\n");
          await page.getByRole("button", { name: "Preview" }).click();
          await page.getByRole("table", { name: "Invitations to send" }).waitFor();
        }
        expect(await unlabeledControls(page), name).toEqual([]);
        expect(await horizontalOverflow(page), name).toBe(0);
        await screenshot(page, `375-${name}`);
      }
    });

    it("gives every button an accessible name", async () => {
      await open(`/o/${slug}/members`);
      const nameless = await page.evaluate(() =>
        [...document.querySelectorAll("button")]
          .filter((b) => !(b.textContent ?? "").trim() && !b.getAttribute("aria-label"))
          .map((b) => b.outerHTML),
      );
      expect(nameless).toEqual([]);
    });
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, type E2e, organizationWithAdmin, signIn, startE2e } from "./helpers";

// The built client under the policy both hosts send: every screen a coordinator reaches must
// run without the browser refusing anything. A violation would mean a broken screen in
// production, or a policy loosened to hide it.
const slug = "policy";
const admin = { email: "coord@policy.example", password: "granite-willow-harbour-42" };

describe("the web client under its Content-Security-Policy", () => {
  let e2e: E2e;
  let page: Page;
  const violations: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    e2e = await startE2e();
    const token = await organizationWithAdmin(e2e, slug, "Policy College", admin, "Pat Policy");
    await apiCall(e2e, token, "/v1/programs", {
      method: "POST",
      body: { name: "Policy buddies", relationshipLengthDays: 120 },
    });
    const context = await e2e.browser.newContext();
    await context.exposeFunction("reportViolation", (text: string) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const report = (window as unknown as { reportViolation(text: string): void })
          .reportViolation;
        report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}`);
      });
    });
    page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(err.message));
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("the page is sent with the policy, framing forbidden", async () => {
    const res = await page.goto(`${e2e.base}/o/${slug}/sign-in`);
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res?.headers()["x-content-type-options"]).toBe("nosniff");
  });

  it("signing in and every screen of the main navigation run without a violation", async () => {
    await signIn(page, e2e.base, slug, admin.email, admin.password);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Programs", "My programs", "Members", "API clients", "Audit log"]) {
      await nav.getByRole("link", { name, exact: true }).click();
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it("the program page and the new-program rule editor run without a violation", async () => {
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Programs", exact: true }).click();
    await page.getByRole("link", { name: "Policy buddies" }).click();
    await page.getByRole("heading", { level: 1, name: "Policy buddies" }).waitFor();
    await page.waitForLoadState("networkidle");
    await nav.getByRole("link", { name: "Programs", exact: true }).click();
    await page.getByRole("link", { name: "New program" }).click();
    await page.getByRole("heading", { level: 1, name: "New program" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it("a page that frames the client is refused by the browser", async () => {
    const framing = await e2e.browser.newPage();
    const refusal = framing.waitForEvent("console", {
      predicate: (msg) => /frame-ancestors/.test(msg.text()),
      timeout: 10_000,
    });
    await framing.setContent(`<iframe src="${e2e.base}/o/${slug}/sign-in"></iframe>`);
    expect((await refusal).text()).toMatch(/^Framing .* violates .*frame-ancestors/);
    await framing.close();
  });
});

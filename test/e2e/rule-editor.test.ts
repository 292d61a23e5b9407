import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgramView } from "../../workers/shared/src/contracts/programs";
import { apiCall, type E2e, organizationWithAdmin, screenshot, signIn, startE2e } from "./helpers";

const slug = "hillside";
const admin = { email: "coord@hillside.example", password: "harbour-meadow-lantern-31" };

/** The focused element, and whether the sticky save bar covers any of it. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const bar = document.querySelector(".save-bar")?.getBoundingClientRect();
    const box = el?.getBoundingClientRect();
    const hidden =
      !!el &&
      !!bar &&
      !!box &&
      !el.closest(".save-bar") &&
      box.bottom > bar.top &&
      box.top < bar.bottom;
    const label = el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    return { tag: el?.tagName ?? "", role: el?.getAttribute("role") ?? "", label, hidden };
  });
}

describe("the rule editor, as a coordinator uses it", () => {
  let e2e: E2e;
  let page: Page;
  let token: string;
  let programId = "";
  const rulesPath = () => `${e2e.base}/o/${slug}/programs/${programId}/rules`;

  beforeAll(async () => {
    e2e = await startE2e();
    token = await organizationWithAdmin(
      e2e,
      slug,
      "Hillside University",
      admin,
      "Casey Coordinator",
    );
    const program = await apiCall<ProgramView>(e2e, token, "/v1/programs", {
      method: "POST",
      body: { name: "Peer buddies", templateKey: "university-peer" },
    });
    programId = program.id;
    page = await (
      await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await signIn(page, e2e.base, slug, admin.email, admin.password);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("opens a program from its card with focus on the program's heading", async () => {
    await page.goto(`${e2e.base}/o/${slug}/programs`);
    await page.getByRole("link", { name: "Peer buddies" }).click();
    await page.getByRole("heading", { level: 1, name: "Peer buddies" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Peer buddies");
  });

  it("shows one section at a time, in plain words, with the summary beside it", async () => {
    await page.goto(rulesPath());
    const tabs = page.getByRole("tablist", { name: "Rule sections" });
    await tabs.getByRole("tab", { name: "Meetings", selected: true }).waitFor();
    const meetings = page.getByRole("group", { name: "Meetings", exact: true });
    await meetings.getByLabel("Shortest meeting that counts (minutes)").waitFor();
    await tabs.getByRole("tab", { name: "Reminders" }).click();
    await page.getByLabel("Quiet hours from").waitFor();
    await page.getByLabel("Quiet hours until").waitFor();
    await tabs.getByRole("tab", { name: "Mentoring agreement" }).click();
    await page.getByText(/Always on: a concern about someone's safety/).waitFor();
    expect(await page.getByLabel(/Safety escalation/i).count()).toBe(0);
    expect(
      await page.getByRole("textbox", { name: "Confidentiality" }).evaluate((e) => e.tagName),
    ).toBe("TEXTAREA");
    await page.getByRole("complementary", { name: "Summary of the rules" }).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3000);
    await screenshot(page, "rule-editor-agreement");
  });

  it("edits a section and saves with the keyboard alone, never hiding focus under the save bar", async () => {
    await page.goto(rulesPath());
    await page.getByRole("tab", { name: "Meetings", selected: true }).focus();
    await page.keyboard.press("End");
    await page.getByRole("tab", { name: "Closure", selected: true }).waitFor();
    await page.keyboard.press("Tab");
    const first = await focusState(page);
    expect(first.tag).toBe("TEXTAREA");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("A last meeting to look back at the goals, and a thank-you.");
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const state = await focusState(page);
      if (state.hidden) stops.push(`${state.tag} ${state.label}`);
      if (state.label === "Save rules") break;
    }
    expect(stops, "focused controls hidden under the save bar").toEqual([]);
    expect((await focusState(page)).label).toBe("Save rules");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "These rules are version 2" }).waitFor();
    const saved = await apiCall<ProgramView>(e2e, token, `/v1/programs/${programId}`);
    expect(saved.rules.closure.plannedProcedure).toBe(
      "A last meeting to look back at the goals, and a thank-you.",
    );
  });

  it("never hides a focused control under the save bar on a phone", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 640 } });
    const phone = await context.newPage();
    await signIn(phone, e2e.base, slug, admin.email, admin.password);
    await phone.goto(rulesPath());
    // A change makes the bar tall (Save and Discard), the case that hid controls before.
    await phone.getByLabel("Shortest meeting that counts (minutes)").fill("45");
    await phone.getByRole("tab", { name: "Evaluations" }).click();
    await phone.getByRole("tab", { name: "Evaluations" }).focus();
    const hidden: string[] = [];
    for (let i = 0; i < 200; i++) {
      await phone.keyboard.press("Tab");
      const state = await focusState(phone);
      if (state.hidden) hidden.push(`${state.tag} ${state.label}`);
      if (state.label === "Save rules") break;
    }
    expect((await focusState(phone)).label).toBe("Save rules");
    expect(hidden).toEqual([]);
    await context.close();
  });

  it("keeps focus in the editor after discarding changes", async () => {
    await page.goto(rulesPath());
    await page.getByLabel("Shortest meeting that counts (minutes)").fill("45");
    await page.getByRole("button", { name: "Discard changes" }).click();
    await page.getByRole("status").filter({ hasText: "Changes discarded" }).waitFor();
    // Focus moves in the effect after the render that shows the message.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("FORM");
    expect(await page.getByLabel("Shortest meeting that counts (minutes)").inputValue()).toBe("30");
  });

  it("says when someone else saved first, and reloads their version", async () => {
    await page.goto(rulesPath());
    await page.getByLabel("Shortest meeting that counts (minutes)").fill("40");
    const current = await apiCall<ProgramView>(e2e, token, `/v1/programs/${programId}`);
    await apiCall(e2e, token, `/v1/programs/${programId}/rules`, {
      method: "PUT",
      body: { rules: { meetings: { minMinutes: 50 } }, expectedVersion: current.rulesVersion },
    });
    await page.getByRole("button", { name: "Save rules" }).click();
    await page.getByRole("alert").filter({ hasText: "Someone else changed these rules" }).waitFor();
    await page.getByRole("button", { name: "Reload the latest rules" }).click();
    await page.getByRole("status").filter({ hasText: "Reloaded version 3." }).waitFor();
    expect(await page.getByLabel("Shortest meeting that counts (minutes)").inputValue()).toBe("50");
  });

  it("offers options only for questions answered by choosing", async () => {
    await page.goto(`${e2e.base}/o/${slug}/programs/${programId}/form`);
    const questions = page.getByRole("group", { name: /^Question \d+$/ });
    await questions.first().waitFor();
    const longText = questions.filter({ has: page.locator("option[value='long_text']:checked") });
    const choice = questions.filter({ has: page.locator("option[value='multi_choice']:checked") });
    expect(await longText.getByRole("group", { name: "Options" }).count()).toBe(0);
    expect(await choice.getByRole("group", { name: "Options" }).count()).toBe(1);
  });

  it("heads an unknown organization's page as it is titled", async () => {
    const other = await (await e2e.browser.newContext()).newPage();
    await other.goto(`${e2e.base}/o/no-such-org/sign-in`);
    await other.getByRole("heading", { level: 1, name: "Organization not found" }).waitFor();
    // The title follows the heading in an effect after that render.
    await expect.poll(() => other.title()).toBe("Organization not found · Tandem");
  });
});

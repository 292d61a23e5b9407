import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe";
import {
  acceptByApi,
  apiToken,
  createOrganization,
  type E2e,
  horizontalOverflow,
  screenshot,
  signIn,
  startE2e,
  unlabeledControls,
} from "./helpers";
import { person } from "./matching-seed";
import { seedPair } from "./relationship-seed";

const slug = "hillside";
const admin = { email: "coord@hillside.example", password: "hill-orchard-beacon-52" };
const ada = person("Ada Mentor", "mentor", { interests: ["Careers"], department: "Law" }, slug);
const cy = person("Cy Mentee", "mentee", { interests: ["Careers"], department: "Law" }, slug);
const what = "Ada keeps messaging me late at night and it worries me.";

async function phone(e2e: E2e, who: { email: string; password: string }): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await signIn(page, e2e.base, slug, who.email, who.password);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(await axeViolations(page)).toEqual([]);
  expect(await unlabeledControls(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
}

const section = (page: Page, name: string): Locator =>
  page.getByRole("region", { name, exact: true });

const announced = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text }).first().waitFor();

describe("stewardship: a concern travels from a mentee to the coordinators, not the mentor", () => {
  let e2e: E2e;
  let workspace: string;
  let programId: string;

  beforeAll(async () => {
    e2e = await startE2e();
    const { link } = await createOrganization(e2e, slug, "Hillside College", admin.email);
    await acceptByApi(e2e, link, admin.password, "Casey Coordinator");
    const token = await apiToken(e2e, slug, admin.email, admin.password);
    const seeded = await seedPair(e2e, slug, token, { mentor: ada, mentee: cy }, 10);
    workspace = `${e2e.base}/o/${slug}/matches/${seeded.matchId}`;
    programId = seeded.program.id;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("a mentee raises an urgent concern; a coordinator reads it with a reason and acknowledges", async () => {
    // Cy raises it from the workspace header: two clicks from anywhere in the workspace.
    const mentee = await phone(e2e, cy);
    await mentee.goto(workspace);
    await mentee.getByRole("heading", { level: 1, name: "You and Ada Mentor" }).waitFor();
    await mentee.getByRole("button", { name: "Raise a concern" }).first().click();
    const form = mentee.getByRole("form", { name: "Raise a concern" });
    await expect
      .poll(() => mentee.evaluate(() => document.activeElement?.id))
      .toBe("raise-concern-t");
    await form.getByRole("button", { name: "Send to the coordinators" }).click();
    await form.getByText("Say in a few words what happened.").waitFor();
    await form.getByLabel("What happened").fill(what);
    await form
      .getByRole("group", { name: "How urgent is it?" })
      .getByLabel("Urgent", { exact: true })
      .check();
    await screenshot(mentee, "stewardship-raise-concern-375");
    await expectAccessible(mentee);
    await form.getByRole("button", { name: "Send to the coordinators" }).click();
    await announced(mentee, /Sent as urgent: the coordinators are told now/);
    await section(mentee, "Your concerns").getByText("Raised, not yet read").waitFor();

    // The coordinator opens the pair, says why, and acknowledges it.
    const coordinator = await phone(e2e, admin);
    await coordinator.goto(`${workspace}?program=${programId}`);
    const gate = coordinator.getByRole("form", {
      name: "Why are you opening this pair's records?",
    });
    await gate.waitFor();
    expect(await coordinator.getByText(what).count()).toBe(0);
    await expectAccessible(coordinator);
    await gate.getByLabel("Following up a concern").check();
    await gate.getByRole("button", { name: "Open the records" }).click();
    const concerns = section(coordinator, "Concerns");
    await concerns.getByText(what).waitFor();
    await concerns.getByRole("heading", { name: "Urgent concern from Cy Mentee" }).waitFor();
    await screenshot(coordinator, "stewardship-coordinator-concern-375");
    await expectAccessible(coordinator);
    await concerns.getByRole("button", { name: /^Acknowledge/ }).click();
    await announced(coordinator, "Acknowledged.");
    await concerns.getByText("A coordinator is on it").waitFor();

    // Ada, the partner, never sees it.
    const mentor = await phone(e2e, ada);
    await mentor.goto(workspace);
    await mentor.getByRole("heading", { level: 1, name: "You and Cy Mentee" }).waitFor();
    await section(mentor, "Agreement").waitFor();
    await mentor.waitForLoadState("networkidle");
    expect(await mentor.getByText(what).count()).toBe(0);
    expect(await section(mentor, "Your concerns").count()).toBe(0);

    // Cy sees where it stands.
    await mentee.reload();
    await section(mentee, "Your concerns").getByText("A coordinator is on it").waitFor();
    await screenshot(mentee, "stewardship-my-concerns-375");
    await expectAccessible(mentee);
    for (const page of [mentee, coordinator, mentor]) await page.context().close();
  });
});

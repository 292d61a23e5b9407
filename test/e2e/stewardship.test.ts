import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  announced,
  type E2e,
  expectAccessible,
  organizationWithAdmin,
  screenshot,
  signIn,
  startE2e,
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

const section = (page: Page, name: string): Locator =>
  page.getByRole("region", { name, exact: true });

describe("stewardship: a concern travels from a mentee to the coordinators, not the mentor", () => {
  let e2e: E2e;
  let workspace: string;
  let programId: string;

  beforeAll(async () => {
    e2e = await startE2e();
    const token = await organizationWithAdmin(
      e2e,
      slug,
      "Hillside College",
      admin,
      "Casey Coordinator",
    );
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

  it("the coordinator works from Needs attention; the mentee sees who read, ends the match, answers the exit survey", async () => {
    // The pair with an open urgent concern stands in the program's Needs attention list.
    const coordinator = await phone(e2e, admin);
    await coordinator.goto(`${e2e.base}/o/${slug}/programs/${programId}`);
    await coordinator
      .getByRole("navigation", { name: "Program sections" })
      .getByRole("link", { name: "Needs attention" })
      .click();
    const risk = coordinator.getByRole("list", { name: /Pairs needing attention/ });
    await risk.getByRole("link", { name: "Ada Mentor and Cy Mentee" }).waitFor();
    await coordinator
      .getByRole("list", { name: "Concerns, open and urgent first" })
      .getByRole("link", { name: "Urgent: from Cy Mentee (mentee)" })
      .waitFor();
    await screenshot(coordinator, "stewardship-needs-attention-375");
    await expectAccessible(coordinator);

    // From there to the pair: a support contact goes in the log.
    await risk.getByRole("link", { name: "Ada Mentor and Cy Mentee" }).click();
    await coordinator
      .getByRole("heading", { level: 1, name: "Ada Mentor and Cy Mentee" })
      .waitFor();
    const support = section(coordinator, "Support log");
    await support.getByLabel("How").selectOption("call");
    await support.getByLabel("With").selectOption({ label: "Cy Mentee (mentee)" });
    await support.getByLabel("Note").fill("Called Cy about the late messages; agreed a plan.");
    await support.getByRole("button", { name: "Log contact" }).click();
    await announced(coordinator, "Contact logged.");
    await support.getByText("Called Cy about the late messages", { exact: false }).waitFor();
    await expectAccessible(coordinator);
    await coordinator.context().close();

    // Cy sees who read the pair's records and why.
    const mentee = await phone(e2e, cy);
    await mentee.goto(workspace);
    const reads = section(mentee, "Who has viewed our records");
    await reads
      .getByText(/Casey Coordinator read concerns: Following up a concern/)
      .first()
      .waitFor();

    // Cy ends the match: a reason, a confirmation, then the exit survey.
    const closure = section(mentee, "Ending the match");
    await closure.getByRole("button", { name: "End this match" }).click();
    await closure.getByLabel("Time or schedules no longer allow it").check();
    await closure.getByRole("button", { name: "Continue" }).click();
    const dialog = mentee.getByRole("dialog", { name: "Close this match?" });
    await dialog.getByRole("button", { name: "Close the match" }).click();
    await announced(mentee, /The match is closed\. Ada Mentor is told kindly by email\./);
    const survey = section(mentee, "Evaluations").getByRole("form", { name: "Exit survey" });
    await survey
      .getByRole("group", { name: /Overall, how did your mentoring relationship go/ })
      .getByLabel("4", { exact: true })
      .check();
    await survey.getByRole("button", { name: /^Save draft\s*:\s*Exit survey$/ }).click();
    await announced(mentee, "Draft saved. Submit it when you are ready.");
    await survey.getByLabel("What will you take away from it?").fill("Asking early helps.");
    await survey
      .getByRole("group", { name: /How keen are you to mentor/ })
      .getByLabel("5", { exact: true })
      .check();
    await screenshot(mentee, "stewardship-exit-survey-375");
    await expectAccessible(mentee);
    await survey.getByRole("button", { name: /^Submit\s*:\s*Exit survey$/ }).click();
    await announced(mentee, 'Thank you: "Exit survey" is submitted.');
    await mentee.getByText("This match has ended.", { exact: false }).waitFor();
    await expectAccessible(mentee);
    await mentee.context().close();
  });
});

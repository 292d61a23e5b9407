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
import { meetingsCameAndWent, seedPair } from "./relationship-seed";

const slug = "riverside";
const admin = { email: "coord@riverside.example", password: "river-meadow-lantern-31" };
const ada = person("Ada Mentor", "mentor", { interests: ["Careers"], department: "Law" }, slug);
const cy = person("Cy Mentee", "mentee", { interests: ["Careers"], department: "Law" }, slug);
const day = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);

/** A signed-in member on a 375 px phone. */
async function phone(e2e: E2e, who: { email: string; password: string }): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await signIn(page, e2e.base, slug, who.email, who.password);
  return page;
}

/** axe-clean, every control labelled, nothing wider than the phone. */
const section = (page: Page, name: string): Locator =>
  page.getByRole("region", { name, exact: true });

/** A button's name: a visible verb, then its subject for screen readers ("Mark done: …"). */
const about = (verb: string, subject: string) => {
  const text = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${text(verb)}\\s*:\\s*${text(subject)}$`);
};

async function fillAgreement(page: Page, words: Record<string, string>): Promise<void> {
  const agreement = section(page, "Agreement");
  for (const [label, text] of Object.entries(words)) await agreement.getByLabel(label).fill(text);
  await agreement.getByRole("button", { name: "Save my part" }).click();
}

describe("relationship: a pair's first month in their workspace", () => {
  let e2e: E2e;
  let seeded: Awaited<ReturnType<typeof seedPair>>;
  let workspace: string;

  beforeAll(async () => {
    e2e = await startE2e();
    const token = await organizationWithAdmin(
      e2e,
      slug,
      "Riverside University",
      admin,
      "Casey Coordinator",
    );
    seeded = await seedPair(e2e, slug, token, { mentor: ada, mentee: cy }, 10);
    workspace = `${e2e.base}/o/${slug}/matches/${seeded.matchId}`;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("agree, meet, commit, set and achieve a goal, check in and give feedback", async () => {
    const mentee = await phone(e2e, cy);
    const mentor = await phone(e2e, ada);

    // Cy finds the workspace from My matches; the agreement comes first and says what waits.
    await mentee
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "My matches" })
      .click();
    await mentee.getByRole("link", { name: "Ada Mentor (your workspace)" }).click();
    await mentee.getByRole("heading", { level: 1, name: "You and Ada Mentor" }).waitFor();
    await section(mentee, "Next to do")
      .getByText(/agreement/i)
      .first()
      .waitFor();
    await section(mentee, "Agreement")
      .getByText(/stay locked until you have both/)
      .waitFor();
    await section(mentee, "Agreement")
      .getByText(/Safety comes first/)
      .waitFor();
    await section(mentee, "Goals")
      .getByText(/open once you have both acknowledged/)
      .waitFor();
    await screenshot(mentee, "relationship-agreement-375");
    await expectAccessible(mentee);

    // Both fill in their part; each save is a new version both acknowledge.
    await fillAgreement(mentee, {
      "Your goals": "Settle into university and find a study rhythm that works.",
      "Your time commitment": "An hour every other week, plus short messages.",
      "How often you would like to meet": "Every two weeks.",
    });
    await announced(mentee, "Saved as version 1.");
    await mentor.goto(workspace);
    await section(mentor, "Agreement")
      .getByText("Settle into university", { exact: false })
      .waitFor();
    await fillAgreement(mentor, {
      "Your goals": "Help Cy find their feet and their own answers.",
      "How to reach you": "Messages on weekdays; I answer within two days.",
    });
    await announced(mentor, "Saved as version 2.");
    await section(mentor, "Agreement")
      .getByRole("button", { name: "Acknowledge version 2" })
      .click();
    await announced(mentor, "You acknowledged version 2.");
    await mentee.reload();
    await section(mentee, "Agreement")
      .getByRole("button", { name: "Acknowledge version 2" })
      .click();
    await announced(mentee, "You acknowledged version 2.");
    await section(mentee, "Agreement").getByText("Both acknowledged it.").waitFor();
    expect(await mentee.getByText(/stay locked until/).count()).toBe(0);
    await expectAccessible(mentee);

    // Cy schedules a video meeting on her own clock; Ada is told and sees it on hers.
    const meetings = section(mentee, "Meetings");
    await meetings.getByRole("button", { name: "Schedule a meeting" }).click();
    await meetings.getByLabel("Date").fill(inDays(3));
    await meetings.getByLabel("Time", { exact: true }).fill("18:00");
    const zone = await meetings.getByLabel("Time zone").inputValue();
    expect(zone).toBeTruthy();
    await meetings.getByLabel("Length in minutes").fill("60");
    await meetings.getByLabel("How you meet").selectOption("video");
    await meetings.getByLabel("Video link").fill("https://meet.example.org/cy-and-ada");
    await meetings.getByRole("button", { name: "Schedule meeting" }).click();
    await announced(mentee, /Meeting scheduled for .*Ada Mentor is told by email\./);
    await meetings.getByText(/Next meeting:/).waitFor();
    await screenshot(mentee, "relationship-meetings-375");
    await expectAccessible(mentee);

    // The meeting happens; Ada logs it, keeps a private note, and writes down Cy's commitment.
    await meetingsCameAndWent(e2e, slug, seeded.matchId, 1);
    await mentor.reload();
    const held = section(mentor, "Meetings");
    await held.getByRole("button", { name: /^Log as held/ }).click();
    await held.getByLabel("Minutes it lasted").fill("50");
    await held.getByRole("button", { name: "Log as held", exact: true }).click();
    await announced(mentor, "Logged: you met for 50 minutes");
    await held.getByText("It counts toward the program's meeting rhythm.").waitFor();
    await held.getByText("Notes", { exact: true }).click();
    await held.getByText("Only you can read this.", { exact: false }).waitFor();
    await held.getByLabel("My private note").fill("Cy seemed tired; ask about sleep next time.");
    await held.getByRole("button", { name: "Save my private note" }).click();
    await held.getByRole("status").filter({ hasText: "Saved." }).first().waitFor();

    const commitments = section(mentor, "Commitments");
    await commitments.getByLabel("What will be done").fill("Draft a first CV and send it to Ada");
    await commitments.getByRole("radio", { name: "Cy Mentee (mentee)" }).check();
    await commitments.getByLabel("Due on").fill(inDays(7));
    await commitments.getByLabel("Agreed in the meeting").selectOption({ index: 1 });
    await commitments.getByRole("button", { name: "Add commitment" }).click();
    await announced(mentor, 'Added: "Draft a first CV and send it to Ada"');
    await commitments
      .getByRole("checkbox", { name: "Draft a first CV and send it to Ada" })
      .waitFor();
    await screenshot(mentor, "relationship-commitments-375");
    await expectAccessible(mentor);

    // Cy never reads Ada's private note.
    await mentee.reload();
    await section(mentee, "Meetings").getByText("Notes", { exact: true }).click();
    expect(await section(mentee, "Meetings").getByLabel("My private note").inputValue()).toBe("");

    // Cy sets a goal with a milestone, reaches both, and shares the achievement.
    const goals = section(mentee, "Goals");
    await goals.getByLabel("Goal", { exact: true }).fill("Find a summer internship");
    await goals.getByLabel("Milestones").fill("List five companies to write to");
    await goals.getByRole("button", { name: "Set goal" }).click();
    await announced(mentee, "Goal set: Find a summer internship.");
    await goals
      .getByRole("button", { name: about("Mark done", "List five companies to write to") })
      .click();
    await announced(mentee, "Milestone done: List five companies to write to.");
    await goals
      .getByRole("button", { name: about("Mark achieved", "Find a summer internship") })
      .click();
    await announced(mentee, "Achieved: Find a summer internship. Congratulations!");
    await goals
      .getByRole("button", {
        name: about("Share on the program's wall", "Find a summer internship"),
      })
      .click();
    await announced(mentee, `"Find a summer internship" is on First-year mentoring's wall.`);
    await screenshot(mentee, "relationship-goals-375");
    await expectAccessible(mentee);

    // The first check-in is open (ten days in); Cy answers it.
    const checkIns = section(mentee, "Check-ins");
    const yesNo = (name: string) => checkIns.getByRole("group", { name });
    await yesNo("Have you met as often as your agreement says?").getByLabel("Yes").check();
    await checkIns
      .getByRole("group", { name: /How well do you feel listened to/ })
      .getByLabel("4", { exact: true })
      .check();
    await checkIns
      .getByRole("group", { name: /How is progress toward your current goal/ })
      .getByLabel("5 · great")
      .check();
    await yesNo("Would you like a coordinator to contact you?").getByLabel("No").check();
    await checkIns.getByRole("button", { name: "Send my answers" }).click();
    await announced(mentee, "Thank you, your answers are saved.");
    await checkIns.getByText(/You answered\. You can change your answers until/).waitFor();
    await screenshot(mentee, "relationship-check-in-375");
    await expectAccessible(mentee);

    // Ada gives feedback and shares it with the coordinators; Cy reads it.
    await mentor.reload();
    const feedback = section(mentor, "Feedback");
    await feedback
      .getByLabel("What's working well for you?")
      .fill("You come with clear questions.");
    await feedback
      .getByLabel("How can I better support you?")
      .fill("Tell me earlier when a week is busy.");
    await feedback.getByLabel("Also share it with the program's coordinators").check();
    await feedback.getByRole("button", { name: "Send feedback" }).click();
    await announced(mentor, "Cy Mentee is told that feedback arrived.");
    await expectAccessible(mentor);
    await mentee.reload();
    await section(mentee, "Feedback")
      .getByRole("list", { name: "Feedback you received" })
      .getByText("You come with clear questions.")
      .waitFor();
    await screenshot(mentee, "relationship-feedback-375");

    // The timeline tells the month's story; the calendar link is the member's own.
    const timeline = section(mentee, "Timeline");
    await timeline.getByRole("button", { name: "Show the timeline" }).click();
    const events = timeline.getByRole("list", { name: "What happened, newest first" });
    await events.getByRole("listitem").first().waitFor();
    expect(await events.getByRole("listitem").count()).toBeGreaterThan(5);
    await section(mentee, "Calendar")
      .getByRole("button", { name: "Create a calendar link" })
      .click();
    const link = section(mentee, "Calendar").getByLabel("Your calendar link");
    expect(await link.inputValue()).toMatch(/\.ics$/);
    await screenshot(mentee, "relationship-timeline-375");
    await expectAccessible(mentee);
    await mentee.context().close();
    await mentor.context().close();
  });

  it("shows the coordinator the same workspace to read, with nothing to change", async () => {
    const coordinator = await phone(e2e, admin);
    await coordinator.goto(`${workspace}?program=${seeded.program.id}`);
    await coordinator
      .getByRole("heading", { level: 1, name: "Ada Mentor and Cy Mentee" })
      .waitFor();
    await section(coordinator, "Agreement").getByText("Both acknowledged it.").waitFor();
    await section(coordinator, "Goals").getByText("Find a summer internship").first().waitFor();
    expect(await coordinator.getByRole("button", { name: "Save my part" }).count()).toBe(0);
    expect(await coordinator.getByRole("button", { name: "Schedule a meeting" }).count()).toBe(0);
    expect(await coordinator.getByText("Cy seemed tired").count()).toBe(0);
    await screenshot(coordinator, "relationship-coordinator-375");
    await expectAccessible(coordinator);
    await coordinator.context().close();
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MatchingBoard, MatchView } from "../../workers/shared/src/contracts/matches";
import { axeViolations } from "./axe";
import {
  apiCall,
  apiToken,
  type E2e,
  organizationWithAdmin,
  screenshot,
  signIn,
  startE2e,
  unlabeledControls,
} from "./helpers";
import { type Person, person, seedProgram } from "./matching-seed";

const slug = "harbourside";
const admin = { email: "coord@harbourside.example", password: "harbour-meadow-lantern-31" };

// Two mentors with two places each; three mentees whose interests suit one mentor or the other.
const ada = person(
  "Ada Mentor",
  "mentor",
  { interests: ["Chess", "Biology"], department: "Science" },
  slug,
);
const bo = person(
  "Bo Mentor",
  "mentor",
  { interests: ["Music", "History"], department: "Arts" },
  slug,
);
const mentees = [
  person("Cy Mentee", "mentee", { interests: ["Chess"], department: "Science" }, slug),
  person("Di Mentee", "mentee", { interests: ["Music"], department: "Arts" }, slug),
  person("Ed Mentee", "mentee", { interests: ["Biology", "Chess"], department: "Science" }, slug),
];
const cy = mentees[0]!;

async function signedIn(e2e: E2e, who: { email: string; password: string }): Promise<Page> {
  const page = await (await e2e.browser.newContext()).newPage();
  await signIn(page, e2e.base, slug, who.email, who.password);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(await axeViolations(page)).toEqual([]);
  expect(await unlabeledControls(page)).toEqual([]);
}

describe("matching: the coordinator's run, a mentee's request, the mentor's answer", () => {
  let e2e: E2e;
  let token: string;
  const known = new Set<string>();

  beforeAll(async () => {
    e2e = await startE2e();
    token = await organizationWithAdmin(
      e2e,
      slug,
      "Harbourside College",
      admin,
      "Casey Coordinator",
    );
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("runs matching, shows explained proposals, approves them and mentors' places fill", async () => {
    const program = await seedProgram(
      e2e,
      slug,
      token,
      {
        name: "Study buddies",
        matching: {
          mode: "coordinator",
          mentorCapacity: 2,
          criteria: [
            { field: "interests", weight: 7 },
            { field: "department", weight: 4 },
          ],
        },
      },
      [ada, bo, ...mentees],
      known,
    );
    const page = await signedIn(e2e, admin);
    await page.goto(`${e2e.base}/o/${slug}/programs/${program.id}`);
    await page
      .getByRole("navigation", { name: "Program sections" })
      .getByRole("link", { name: "Matching" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Run matching" }).waitFor();

    // Before the run: every mentee is unmatched with explained candidates; no mentor is busy.
    const unmatched = page.getByRole("region", { name: "Mentees without a mentor" });
    for (const m of mentees)
      await unmatched.getByRole("heading", { name: m.displayName }).waitFor();
    const candidates = unmatched.getByRole("list", {
      name: `Why Ada Mentor suits ${cy.displayName}`,
    });
    expect(await candidates.getByRole("listitem").count()).toBeGreaterThan(0);
    const places = page.getByRole("table", { name: "Mentors' places" });
    const adaRow = places.getByRole("row").filter({ hasText: ada.displayName });
    expect(await adaRow.getByRole("cell").allTextContents()).toEqual(["0", "2"]);
    await expectAccessible(page);

    // Balanced is offered in plain words; the coordinator keeps "best total".
    await page.getByRole("radio", { name: /raise the lowest score first/ }).waitFor();
    await page.getByRole("button", { name: "Run matching" }).click();
    const results = page.getByRole("heading", { level: 3, name: /^Proposals/ });
    await results.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "run-t");
    const proposals = page.getByRole("list", { name: "Proposed pairs" });
    expect(await proposals.getByRole("checkbox").count()).toBe(3);
    const why = proposals.getByRole("list", { name: `Why Ada Mentor and ${cy.displayName} fit` });
    expect(await why.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await page.getByText("Total score", { exact: true }).count()).toBe(1);
    await screenshot(page, "matching-run");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Approve all 3" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Approved 3 matches; welcome emails are on their way." })
      .first()
      .waitFor();
    // Ada took the two science mentees, Bo the musician: places follow.
    await adaRow.getByRole("cell").filter({ hasText: "Full" }).waitFor();
    const active = page.getByRole("table", { name: "Active matches" });
    await active.getByRole("row").filter({ hasText: cy.displayName }).waitFor();
    expect(await active.getByRole("row").count()).toBe(4);
    await screenshot(page, "matching-approved");

    const board = await apiCall<MatchingBoard>(
      e2e,
      token,
      `/v1/programs/${program.id}/matching/board`,
    );
    expect(board.mentors.map((m) => [m.displayName, m.active, m.openPlaces])).toEqual([
      ["Ada Mentor", 2, 0],
      ["Bo Mentor", 1, 1],
    ]);
    expect(board.unmatchedMentees).toEqual([]);
    await page.context().close();
  });

  it("a mentee requests mentors in order and the first mentor accepts", async () => {
    const mentee: Person = person(
      "Fay Mentee",
      "mentee",
      { interests: ["Music", "Chess"], department: "Arts" },
      slug,
    );
    const program = await seedProgram(
      e2e,
      slug,
      token,
      {
        name: "Career choices",
        matching: {
          mode: "mentee_chooses",
          mentorCapacity: 2,
          acceptanceWindowDays: 5,
          criteria: [{ field: "interests", weight: 7 }],
        },
      },
      [ada, bo, mentee],
      known,
    );

    const page = await signedIn(e2e, mentee);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "My matches" })
      .click();
    await page.getByRole("heading", { level: 1, name: "My matches" }).waitFor();
    await page.getByRole("link", { name: "Your mentor choices in Career choices" }).click();
    await page.getByRole("heading", { level: 1, name: "Choose your mentors" }).waitFor();
    const suggested = page.getByRole("list", { name: "Suggested mentors, best first" });
    await suggested.getByRole("heading", { name: "Bo Mentor" }).waitFor();
    expect(
      await page
        .getByRole("list", { name: "Why Bo Mentor suits you" })
        .getByRole("listitem")
        .count(),
    ).toBeGreaterThan(0);
    await expectAccessible(page);

    // Choose both, then put Bo first with the keyboard-operable buttons; focus follows Bo.
    await page.getByRole("button", { name: "Choose Ada Mentor" }).click();
    await page.getByRole("button", { name: "Choose Bo Mentor" }).click();
    const draft = page.getByRole("region", { name: "Your choices, in order" });
    await draft.getByRole("button", { name: /^Move up\s*:\s*Bo Mentor$/ }).click();
    // Bo is now first, so "Move up" is off: focus stays on Bo's other move button.
    await page.waitForFunction(
      () => document.activeElement?.textContent === "Move down: Bo Mentor",
    );
    expect(await draft.getByRole("listitem").allTextContents()).toEqual([
      expect.stringContaining("1. Bo Mentor"),
      expect.stringContaining("2. Ada Mentor"),
    ]);
    await page.getByRole("button", { name: "Send my request" }).click();
    await page.getByRole("status").filter({ hasText: "Your request went to Bo Mentor." }).waitFor();
    const requests = page.getByRole("list", { name: "Your requests, in order" });
    await requests.getByText(/Asked; waiting for an answer until/).waitFor();
    await requests.getByText(/Not asked yet/).waitFor();
    await screenshot(page, "matching-mentee-choices");
    await expectAccessible(page);
    await page.context().close();

    // The coordinators see where Fay's choices stand.
    const coordinator = await signedIn(e2e, admin);
    await coordinator.goto(`${e2e.base}/o/${slug}/programs/${program.id}/matching`);
    const choices = coordinator.getByRole("list", { name: "Fay Mentee's choices" });
    await choices.getByText(/^Bo Mentor: Waiting for the mentor \(until /).waitFor();
    await choices.getByText("Ada Mentor: not asked yet").waitFor();
    await screenshot(coordinator, "matching-mentee-choices-board");
    await expectAccessible(coordinator);
    await coordinator.context().close();

    // Bo sees the request with its deadline and accepts it.
    const mentor = await signedIn(e2e, bo);
    await mentor.goto(`${e2e.base}/o/${slug}/my-matches`);
    const incoming = mentor.getByRole("region", { name: "Requests for you to answer" });
    await incoming.getByRole("heading", { name: /Fay Mentee/ }).waitFor();
    await incoming.getByText(/Please answer by/).waitFor();
    await expectAccessible(mentor);
    await incoming.getByRole("button", { name: "Accept Fay Mentee" }).click();
    await mentor.getByRole("status").filter({ hasText: "You now mentor Fay Mentee." }).waitFor();
    const mine = mentor.getByRole("table", { name: "My matches" });
    const row = mine.getByRole("row").filter({ hasText: "Fay Mentee" });
    await row.getByText("Active").waitFor();
    expect(await row.textContent()).toContain("Career choices");
    await screenshot(mentor, "matching-mentor-accepted");
    await expectAccessible(mentor);

    const faysToken = await apiToken(e2e, slug, mentee.email, mentee.password);
    const fays = await apiCall<{ items: MatchView[] }>(e2e, faysToken, "/v1/me/matches");
    expect(fays.items.filter((m) => m.status === "active").map((m) => m.programId)).toEqual([
      program.id,
    ]);
    await mentor.context().close();
  });
});

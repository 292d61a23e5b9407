import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgramView } from "../../workers/shared/src/contracts/programs";
import {
  addMember,
  apiCall,
  type E2e,
  horizontalOverflow,
  organizationWithAdmin,
  screenshot,
  signIn,
  startE2e,
  unlabeledControls,
} from "./helpers";

const slug = "riverside";
const admin = { email: "coord@riverside.example", password: "harbour-meadow-lantern-31" };
const member = {
  email: "mo@riverside.example",
  password: "quiet-orchard-copper-58",
  displayName: "Mo Mentee",
};
const programName = "First-year buddies 2026";

describe("programs: from template to approved enrollment", () => {
  let e2e: E2e;
  let coordinator: Page;
  let token: string;
  let programId = "";

  beforeAll(async () => {
    e2e = await startE2e();
    token = await organizationWithAdmin(
      e2e,
      slug,
      "Riverside University",
      admin,
      "Casey Coordinator",
    );
    await addMember(e2e, token, member);
    coordinator = await (await e2e.browser.newContext()).newPage();
    await signIn(coordinator, e2e.base, slug, admin.email, admin.password);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("creates a draft program from a template", async () => {
    const page = coordinator;
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Programs", exact: true })
      .click();
    await page.getByRole("link", { name: "New program" }).click();
    await page.getByRole("heading", { level: 1, name: "New program" }).waitFor();
    await page.getByLabel(/University peer mentoring/).check();
    await page.getByText("This template's rules").waitFor();
    await page.getByLabel("Program name").fill(programName);
    await screenshot(page, "programs-new");
    await page.getByRole("button", { name: "Create draft program" }).click();
    await page.getByRole("heading", { level: 1, name: programName }).waitFor();
    programId = decodeURIComponent(new URL(page.url()).pathname.split("/")[4] ?? "");
    expect(programId).not.toBe("");
    await page.getByText("What these rules will do").waitFor();
  });

  it("edits the rules with a live summary and saves version 2", async () => {
    const page = coordinator;
    await page
      .getByRole("navigation", { name: "Program sections" })
      .getByRole("link", { name: "Rules" })
      .click();
    const meetings = page.getByRole("group", { name: "Meetings", exact: true });
    const frequency = meetings.getByLabel("Pairs meet every (days)");
    // Out of range: the shared schema's message appears as you type.
    await frequency.fill("0");
    await meetings.getByText("pairs can meet at most once a day").waitFor();
    expect(await frequency.getAttribute("aria-invalid")).toBe("true");
    await frequency.fill("7");
    const summary = page.getByRole("complementary", { name: "Summary of the rules" });
    await summary
      .getByText(/every week/)
      .first()
      .waitFor();
    expect(await frequency.getAttribute("aria-invalid")).toBeNull();

    // Lists are reordered with buttons, and focus stays with the moved item.
    await page.getByRole("tab", { name: "Matching" }).click();
    const criteria = page.getByRole("group", { name: "What makes a good pair" });
    await criteria
      .getByRole("button", { name: /^Move down/ })
      .first()
      .click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Move/);

    expect(await unlabeledControls(page)).toEqual([]);
    await screenshot(page, "programs-rules");
    await page.getByRole("button", { name: "Save rules" }).click();
    await page.getByRole("status").filter({ hasText: "These rules are version 2" }).waitFor();
    await page.getByRole("region", { name: "Version history" }).getByText("Version 2").waitFor();
  });

  it("opens applications after confirmation", async () => {
    const page = coordinator;
    await page
      .getByRole("navigation", { name: "Program sections" })
      .getByRole("link", { name: "Overview" })
      .click();
    await page.getByRole("button", { name: "Open applications" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Open applications" }).click();
    await page.getByRole("status").filter({ hasText: "Applications are open." }).waitFor();
    // Starting it promises only what starting does today: no reminders exist yet.
    await page.getByRole("button", { name: "Start program" }).click();
    const start = page.getByRole("dialog");
    expect(await start.textContent()).toContain("New applications are no longer taken");
    expect(await start.textContent()).not.toMatch(/remind/i);
    await start.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Start program" }).waitFor();
  });

  it("lets a member apply through the program's form", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, e2e.base, slug, member.email, member.password);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Programs", exact: true })
      .click();
    await page.getByRole("link", { name: `Apply to ${programName}` }).click();
    await page.getByRole("heading", { level: 1, name: `Apply to ${programName}` }).waitFor();
    // Sending empty shows the field errors and moves focus to the first.
    await page.getByRole("button", { name: "Send application" }).click();
    await page.getByText("Choose mentor or mentee.").waitFor();
    await screenshot(page, "programs-apply-errors");
    await page.getByRole("radio", { name: /^Mentee/ }).check();
    await page.getByLabel("Interests").fill("Study habits, music");
    await page.getByLabel("Department or field of study").fill("Biology");
    await page.getByLabel("Seniority or year of study").fill("First year");
    await page.getByLabel("Availability").fill("Weekday evenings");
    await page.getByLabel(/most looking forward to/).fill("Labs, and meeting people.");
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "programs-apply-375");
    await page.getByRole("button", { name: "Send application" }).click();
    await page.getByRole("heading", { level: 1, name: "My programs" }).waitFor();
    await page.getByText("Your application has been sent.").waitFor();
    await page
      .getByRole("listitem")
      .filter({ hasText: programName })
      .getByText("Applied")
      .waitFor();
    await context.close();
  });

  it("approves the application in the review queue", async () => {
    const page = coordinator;
    await page
      .getByRole("navigation", { name: "Program sections" })
      .getByRole("link", { name: "Applications" })
      .click();
    await page.getByRole("button", { name: `Approve ${member.displayName}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/Message to the applicant/).fill("Welcome aboard!");
    await dialog.getByRole("button", { name: "Approve" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${member.displayName} has been approved.` })
      .waitFor();
    await screenshot(page, "programs-review");

    const program = await apiCall<ProgramView>(e2e, token, `/v1/programs/${programId}`);
    expect(program.status).toBe("open");
    expect(program.rulesVersion).toBe(2);
    expect(program.rules.meetings.frequencyDays).toBe(7);
    const queue = await apiCall<{ items: { status: string; member: { email: string } }[] }>(
      e2e,
      token,
      `/v1/programs/${programId}/enrollments`,
    );
    expect(queue.items.map((e) => [e.member.email, e.status])).toEqual([
      [member.email, "approved"],
    ]);
  });
});

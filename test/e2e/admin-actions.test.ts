import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnrollmentView } from "../../workers/shared/src/contracts/enrollments";
import type { ProgramView } from "../../workers/shared/src/contracts/programs";
import type { TrainingList, TrainingView } from "../../workers/shared/src/contracts/training";
import {
  addMember,
  apiCall,
  apiToken,
  type E2e,
  organizationWithAdmin,
  screenshot,
  signIn,
  startE2e,
} from "./helpers";

const slug = "brookside";
const admin = { email: "coord@brookside.example", password: "harbour-meadow-lantern-31" };
const member = { email: "mo@brookside.example", password: "quiet-orchard-copper-58" };

describe("what an admin can change after the fact", () => {
  let e2e: E2e;
  let page: Page;
  let token: string;
  let programId = "";
  let enrollmentId = "";
  const programPath = (tab: string) => `${e2e.base}/o/${slug}/programs/${programId}/${tab}`;

  beforeAll(async () => {
    e2e = await startE2e();
    token = await organizationWithAdmin(e2e, slug, "Brookside College", admin, "Casey Coordinator");
    await addMember(e2e, token, { ...member, displayName: "Mo Mentee" });
    const program = await apiCall<ProgramView>(e2e, token, "/v1/programs", {
      method: "POST",
      body: {
        name: "Study buddies",
        applicationForm: { profileFields: { interests: "optional", availability: "optional" } },
      },
    });
    programId = program.id;
    await apiCall(e2e, token, `/v1/programs/${programId}/status`, {
      method: "POST",
      body: { status: "open" },
    });
    await apiCall<TrainingView>(e2e, token, `/v1/programs/${programId}/training`, {
      method: "POST",
      body: { title: "Guide", kind: "link", url: "https://example.org/g", requiredFor: "both" },
    });
    const memberToken = await apiToken(e2e, slug, member.email, member.password);
    ({ id: enrollmentId } = await apiCall<EnrollmentView>(
      e2e,
      memberToken,
      `/v1/programs/${programId}/enrollments`,
      { method: "POST", body: { role: "mentee", answers: { hopes: "To settle in." } } },
    ));
    await apiCall(e2e, token, `/v1/programs/${programId}/enrollments/${enrollmentId}/decision`, {
      method: "POST",
      body: { decision: "approve" },
    });
    page = await (await e2e.browser.newContext()).newPage();
    await signIn(page, e2e.base, slug, admin.email, admin.password);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const training = () =>
    apiCall<TrainingList>(e2e, token, `/v1/programs/${programId}/training`).then((l) => l.items);

  it("edits a training resource", async () => {
    await page.goto(programPath("training"));
    await page.getByRole("button", { name: "Edit Guide" }).click();
    await page.getByRole("heading", { name: "Edit “Guide”" }).waitFor();
    await page.getByLabel("Title").fill("Mentoring guide");
    await page.getByLabel("Web address").fill("https://example.org/guide");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Saved “Mentoring guide”." }).waitFor();
    await page.getByRole("button", { name: "Edit Mentoring guide" }).waitFor();
    expect((await training()).map((r) => [r.title, r.url])).toEqual([
      ["Mentoring guide", "https://example.org/guide"],
    ]);
  });

  it("deletes a training resource after confirmation", async () => {
    await page.goto(programPath("training"));
    await page.getByRole("button", { name: "Delete Mentoring guide" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Mentoring guide”?" });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("status").filter({ hasText: "Deleted “Mentoring guide”." }).waitFor();
    await page.getByText("No training yet.").waitFor();
    expect(await training()).toEqual([]);
  });

  it("changes an approval to a decline", async () => {
    await page.goto(programPath("applications"));
    await page.getByLabel("Status").selectOption("approved");
    await page.getByRole("button", { name: "Decline Mo Mentee" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Decline" }).click();
    await page.getByRole("status").filter({ hasText: "Mo Mentee has been declined." }).waitFor();
    const after = await apiCall<EnrollmentView>(
      e2e,
      token,
      `/v1/programs/${programId}/enrollments/${enrollmentId}`,
    );
    expect(after.status).toBe("declined");
  });

  it("shows status changes in the audit log as plain before and after", async () => {
    const { rulesVersion } = await apiCall<ProgramView>(e2e, token, `/v1/programs/${programId}`);
    await apiCall(e2e, token, `/v1/programs/${programId}/rules`, {
      method: "PUT",
      body: { rules: { meetings: { frequencyDays: 7 } }, expectedVersion: rulesVersion },
    });
    await page.goto(`${e2e.base}/o/${slug}/audit`);
    const log = page.getByRole("table", { name: "Audit log" });
    const decision = log.getByRole("row").filter({ hasText: "Decided on an application" });
    await decision.filter({ hasText: "status: Approved → Declined" }).waitFor();
    await decision.filter({ hasText: "status: Applied → Approved" }).waitFor();
    await log
      .getByRole("row")
      .filter({ hasText: "Changed a program's status" })
      .filter({ hasText: "status: Draft → Open for applications" })
      .waitFor();
    await log.getByRole("row").filter({ hasText: "Deleted training" }).waitFor();
    await log
      .getByRole("row")
      .filter({ hasText: "Changed a program's rules" })
      .filter({ hasText: "Meetings › Pairs meet every (days): 14 → 7" })
      .waitFor();
    expect(await log.getByText(/enrollment\.decision|program\.status_change/).count()).toBe(0);
    await screenshot(page, "audit-plain");
  });
});

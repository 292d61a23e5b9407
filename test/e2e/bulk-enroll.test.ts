import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page as ListPage } from "../../workers/shared/src/contracts/common/pagination";
import type { EnrollmentView } from "../../workers/shared/src/contracts/enrollments";
import type { ProgramView } from "../../workers/shared/src/contracts/programs";
import {
  addMember,
  apiCall,
  type E2e,
  organizationWithAdmin,
  screenshot,
  signIn,
  startE2e,
} from "./helpers";

const slug = "lakeside";
const admin = { email: "coord@lakeside.example", password: "harbour-meadow-lantern-31" };
const people = [
  { email: "ada@lakeside.example", password: "quiet-orchard-copper-58", displayName: "Ada" },
  { email: "grace@lakeside.example", password: "amber-willow-pebble-77", displayName: "Grace" },
];

// A spreadsheet's "CSV UTF-8" export: a byte-order mark, every field quoted, and a quoted
// comma that must stay inside its field (the server reads such files the same way).
const csv = [
  '\uFEFF"email","role"',
  '"ada@lakeside.example","mentor"',
  '"Lovelace, Ada",mentee',
  'grace@lakeside.example,"mentee"',
].join("\r\n");

describe("bulk enrollment from a CSV the browser reads like the server", () => {
  let e2e: E2e;
  let page: Page;
  let token: string;
  let program: ProgramView;

  beforeAll(async () => {
    e2e = await startE2e();
    token = await organizationWithAdmin(e2e, slug, "Lakeside College", admin, "Casey Coordinator");
    for (const person of people) await addMember(e2e, token, person);
    program = await apiCall<ProgramView>(e2e, token, "/v1/programs", {
      method: "POST",
      body: { name: "Peer tutors" },
    });
    page = await (await e2e.browser.newContext()).newPage();
    await signIn(page, e2e.base, slug, admin.email, admin.password);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("keeps a quoted comma in its field, then enrolls the valid rows", async () => {
    await page.goto(`${e2e.base}/o/${slug}/programs/${program.id}/applications`);
    await page.getByLabel("CSV rows").fill(csv);
    await page.getByRole("button", { name: "Check rows" }).click();
    const table = page.getByRole("table", { name: "Members to enroll" });
    const rows = table.getByRole("row");
    await rows.nth(3).waitFor();
    const row2 = rows.filter({ has: page.getByRole("rowheader", { name: "2", exact: true }) });
    expect(await row2.getByRole("cell").allInnerTexts()).toEqual([
      "Lovelace, Ada",
      "Mentee",
      "Enter a valid email address.",
    ]);
    await screenshot(page, "bulk-enroll-preview");

    await page.getByRole("button", { name: "Enroll 2 members" }).click();
    await page.getByRole("status").filter({ hasText: "Enrolled 2 members." }).waitFor();
    expect(await table.getByText("Enrolled", { exact: true }).count()).toBe(2);

    const queue = await apiCall<ListPage<EnrollmentView>>(
      e2e,
      token,
      `/v1/programs/${program.id}/enrollments`,
    );
    const enrolled = queue.items.map((e) => [e.member.email, e.role, e.status]).sort();
    expect(enrolled).toEqual([
      ["ada@lakeside.example", "mentor", "approved"],
      ["grace@lakeside.example", "mentee", "approved"],
    ]);
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, type E2e, mailedLink, screenshot, startE2e } from "./helpers";

const slug = "northfield";
const admin = { email: "coordinator@example.edu", name: "Casey Coordinator" };
const mentee = { email: "mentee@example.edu", name: "Morgan Mentee" };
const adminPassword = "kettle-harbour-lantern-42";
const menteePassword = "orchard-velvet-compass-17";

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

describe("identity: first admin, invitation, acceptance, deactivation", () => {
  let e2e: E2e;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    e2e = await startE2e();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("runs from tenant creation to the deactivated member's lost session", async () => {
    const { base, browser } = e2e;
    // The operator creates the organization and invites its first admin (the CLI's path).
    const { link: adminLink } = await createOrganization(
      e2e,
      slug,
      "Northfield University",
      admin.email,
    );

    // The admin opens the emailed link, chooses a password and lands signed in.
    const adminPage = await (await browser.newContext()).newPage();
    adminPage.on("pageerror", (err) => pageErrors.push(err.message));
    await adminPage.goto(adminLink);
    await adminPage.getByText(admin.email).waitFor();
    await adminPage.getByLabel("Your name").fill(admin.name);
    await adminPage.getByLabel("Choose a password").fill(adminPassword);
    await adminPage.getByLabel("Confirm password").fill(adminPassword);
    await adminPage.getByRole("button", { name: "Join and sign in" }).click();
    await heading(adminPage)
      .filter({ hasText: `Welcome, ${admin.name}` })
      .waitFor();
    const banner = adminPage.getByRole("banner");
    expect(await banner.textContent()).toContain("Northfield University");
    // The admin's home says what to do first and links to it; it promises nothing unbuilt.
    const adminHome = adminPage.getByRole("main");
    await adminHome.getByRole("link", { name: "Programs" }).waitFor();
    expect(await adminHome.textContent()).not.toMatch(/will appear here/);

    // Members → invite mentee@example.edu.
    await adminPage.getByRole("navigation").getByRole("link", { name: "Members" }).click();
    await heading(adminPage).filter({ hasText: "Members" }).waitFor();
    expect(await adminPage.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await adminPage.getByLabel("Email", { exact: true }).fill(mentee.email);
    await adminPage.getByLabel("Name (optional)").fill(mentee.name);
    await adminPage.getByRole("button", { name: "Send invitation" }).click();
    await adminPage
      .getByRole("status")
      .filter({ hasText: `Invitation sent to ${mentee.email}` })
      .waitFor();
    const pending = adminPage.getByRole("table", { name: "Pending invitations" });
    await pending.getByRole("rowheader", { name: mentee.email }).waitFor();
    await screenshot(adminPage, "members-after-invite");

    // The invitation email lands in the dev mailbox, link and all.
    const menteeLink = await mailedLink(e2e, mentee.email, "accept");
    const mailbox = await (await browser.newContext()).newPage();
    await mailbox.goto(`${base}/dev/mail`);
    await mailbox.getByLabel("Recipient").fill(mentee.email);
    await mailbox.getByRole("button", { name: "Show messages" }).click();
    await mailbox.getByRole("link", { name: menteeLink }).waitFor();
    await screenshot(mailbox, "dev-mailbox");

    // A second browser opens the link, sets a password and lands signed in as the mentee.
    const menteePage = await (await browser.newContext()).newPage();
    menteePage.on("pageerror", (err) => pageErrors.push(err.message));
    await menteePage.goto(menteeLink);
    await menteePage.getByText(mentee.email).waitFor();
    expect(await menteePage.getByRole("main").textContent()).toContain("Northfield University");
    await screenshot(menteePage, "accept-invitation");
    // The name the invitation email greeted them by is already filled in.
    expect(await menteePage.getByLabel("Your name").inputValue()).toBe(mentee.name);
    await menteePage.getByLabel("Choose a password").fill(menteePassword);
    await menteePage.getByLabel("Confirm password").fill(`${menteePassword}x`);
    await menteePage.getByRole("button", { name: "Join and sign in" }).click();
    await menteePage.getByText("The two passwords don't match.").waitFor();
    // Focus moves to the field to correct once the page has painted; typing before that move
    // could land in the wrong field.
    await menteePage.waitForFunction(
      () => document.activeElement?.getAttribute("aria-invalid") === "true",
    );
    // The API's verdict on a field (a common password) appears next to that field.
    await menteePage.getByLabel("Choose a password").fill("password123");
    await menteePage.getByLabel("Confirm password").fill("password123");
    await menteePage.getByRole("button", { name: "Join and sign in" }).click();
    const passwordField = menteePage.getByLabel("Choose a password");
    await menteePage.getByText(/too common/).waitFor();
    expect(await passwordField.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await passwordField.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(await menteePage.locator(`[id="${errorId}"]`).textContent()).toMatch(/too common/);
    await screenshot(menteePage, "accept-field-error");
    await passwordField.fill(menteePassword);
    await menteePage.getByLabel("Confirm password").fill(menteePassword);
    await menteePage.getByRole("button", { name: "Join and sign in" }).click();
    await heading(menteePage)
      .filter({ hasText: `Welcome, ${mentee.name}` })
      .waitFor();
    expect(await menteePage.getByRole("banner").textContent()).toContain(mentee.name);
    // A member sees their own pages, no admin ones.
    const nav = menteePage.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Home",
      "Programs",
      "My programs",
      "My matches",
    ]);
    const menteeHome = menteePage.getByRole("main");
    await menteeHome.getByRole("link", { name: "My programs" }).waitFor();
    expect(await menteeHome.textContent()).not.toMatch(/will appear here|matches|check-ins/);
    await screenshot(menteePage, "member-home");

    // The admin sees the mentee active, then deactivates them after confirming.
    await adminPage.reload();
    const members = adminPage.getByRole("table", { name: "Members" });
    const row = members.getByRole("row").filter({ hasText: mentee.email });
    await row.getByText("Active").waitFor();
    await row.getByRole("button", { name: `Deactivate ${mentee.name}` }).click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByText(`Deactivate ${mentee.name}?`).waitFor();
    await screenshot(adminPage, "confirm-deactivate");
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await row.getByText("Deactivated").waitFor();
    expect(await adminPage.getByRole("dialog").count()).toBe(0);

    // The mentee's next action finds the session gone and leads to sign-in.
    await menteePage.getByRole("button", { name: "Save profile" }).click();
    await menteePage.waitForURL(`${base}/o/${slug}/sign-in`);
    await menteePage.getByText("Your session has ended. Please sign in again.").waitFor();
    await menteePage.reload();
    await heading(menteePage).filter({ hasText: "Sign in" }).waitFor();
    expect(new URL(menteePage.url()).pathname).toBe(`/o/${slug}/sign-in`);
    await screenshot(menteePage, "member-after-deactivation");

    // And they cannot sign back in.
    await menteePage.getByLabel("Email").fill(mentee.email);
    await menteePage.getByLabel("Password").fill(menteePassword);
    await menteePage.getByRole("button", { name: "Sign in" }).click();
    await menteePage
      .getByRole("alert")
      .filter({ hasText: "Email or password is incorrect." })
      .waitFor();

    expect(pageErrors).toEqual([]);
  });
});

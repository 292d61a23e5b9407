import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal } from "../../workers/shared/src/platform/seal";
import { preferenceLinkToken } from "../../workers/shared/src/security/preference-links";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { insertNotification } from "../support/reminders/notification-fixtures";
import {
  addMember,
  announced,
  apiCall,
  apiToken,
  type E2e,
  expectAccessible,
  organizationWithAdmin,
  screenshot,
  signIn,
  startE2e,
} from "./helpers";

const slug = "brookfield";
const admin = { email: "coord@brookfield.example", password: "brook-lantern-meadow-31" };
const mo = {
  email: "mo@brookfield.example",
  password: "river-copper-sparrow-77",
  displayName: "Mo Member",
};

const bell = (page: Page, name: string) => page.getByRole("link", { name, exact: true });

describe("notifications: the bell, the notification centre and reminder settings", () => {
  let e2e: E2e;
  let moId: string;
  let moToken: string;

  beforeAll(async () => {
    e2e = await startE2e();
    const token = await organizationWithAdmin(
      e2e,
      slug,
      "Brookfield University",
      admin,
      "Casey Coordinator",
    );
    await addMember(e2e, token, mo);
    moToken = await apiToken(e2e, slug, mo.email, mo.password);
    moId = (await apiCall<{ id: string }>(e2e, moToken, "/v1/me")).id;
    const { platform } = e2e.host;
    const db = await platform.connections.db(await findTenantBySlug(platform.control, slug));
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const goTo = `/o/${slug}/my-matches`;
    await insertNotification(db, {
      memberId: moId,
      visibleFrom: minutesAgo(30),
      title: "Time to review a goal",
      body: "Review “Speak up” by Friday.",
      link: goTo,
    });
    await insertNotification(db, {
      memberId: moId,
      visibleFrom: minutesAgo(20),
      title: "Your check-in is waiting",
      link: goTo,
    });
    await insertNotification(db, {
      memberId: moId,
      visibleFrom: minutesAgo(10),
      title: "A check-in is open",
      link: goTo,
    });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("a member sees the unread count, opens one, marks all read, and the count goes to zero", async () => {
    const page = await (
      await e2e.browser.newContext({ viewport: { width: 375, height: 800 } })
    ).newPage();
    await signIn(page, e2e.base, slug, mo.email, mo.password);
    await bell(page, "Notifications, 3 unread").waitFor();
    await expectAccessible(page);

    await bell(page, "Notifications, 3 unread").click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    const items = page.getByRole("listitem").filter({ has: page.getByRole("link") });
    await items.filter({ hasText: "Time to review a goal" }).waitFor();
    const titles = await page.locator(".notification-title a").allTextContents();
    expect(titles).toEqual([
      "A check-in is open",
      "Your check-in is waiting",
      "Time to review a goal",
    ]);
    await screenshot(page, "notifications-centre-375");
    await expectAccessible(page);

    // Opening one marks it read and goes where it points.
    await page.getByRole("link", { name: "A check-in is open" }).click();
    await page.waitForURL(`**/o/${slug}/my-matches`);
    await bell(page, "Notifications, 2 unread").waitFor();

    await bell(page, "Notifications, 2 unread").click();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await announced(page, "All notifications are marked as read.");
    await bell(page, "Notifications").waitFor();
    expect(await page.getByText("Unread", { exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Mark all as read" }).isDisabled()).toBe(true);
    await expectAccessible(page);
    const count = await apiCall<{ unread: number }>(
      e2e,
      moToken,
      "/v1/me/notifications/unread-count",
    );
    expect(count.unread).toBe(0);
    await page.context().close();
  });

  it("a member chooses in-app reminders only on the settings page", async () => {
    const page = await (await e2e.browser.newContext()).newPage();
    await signIn(page, e2e.base, slug, mo.email, mo.password);
    await page.goto(`${e2e.base}/o/${slug}/settings/notifications`);
    await page.getByRole("heading", { level: 1, name: "Notification settings" }).waitFor();
    const group = page.getByRole("group", { name: "How should Tandem remind you?" });
    expect(await group.getByLabel("By email and in Tandem").isChecked()).toBe(true);
    await group.getByLabel("In Tandem only (the Notifications page)").check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save" }).click();
    await announced(page, /^Saved\./);
    const saved = await apiCall<{ channels: string[] }>(
      e2e,
      moToken,
      "/v1/me/notification-preferences",
    );
    expect(saved.channels).toEqual(["in_app"]);
    await page.context().close();
  });

  it("the link in a reminder email changes them without signing in; a broken link says so", async () => {
    const { platform } = e2e.host;
    const token = await preferenceLinkToken((text) => seal(platform.sealKey, text), {
      slug,
      memberId: moId,
      now: new Date(),
    });
    const page = await (await e2e.browser.newContext()).newPage();
    await page.goto(`${e2e.base}/o/${slug}/notification-preferences#token=${token}`);
    await page.getByRole("heading", { level: 1, name: "How Tandem reminds you" }).waitFor();
    const group = page.getByRole("group", { name: "How should Tandem remind you?" });
    await group.getByLabel("By email only").waitFor();
    expect(await group.getByLabel("In Tandem only (the Notifications page)").isChecked()).toBe(
      true,
    );
    await group.getByLabel("By email only").check();
    await screenshot(page, "notification-preferences-by-link");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save" }).click();
    await announced(page, /^Saved\./);
    const saved = await apiCall<{ channels: string[] }>(
      e2e,
      moToken,
      "/v1/me/notification-preferences",
    );
    expect(saved.channels).toEqual(["email"]);

    await page.goto(`${e2e.base}/o/${slug}/notification-preferences#token=v1.forged.token`);
    await page.getByRole("alert").filter({ hasText: "This link is not valid" }).waitFor();
    await page.getByRole("link", { name: "sign in" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});

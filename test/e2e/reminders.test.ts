import { eq, inArray } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members } from "../../db/tenant/schema";
import { sweepTenant } from "../../workers/scheduler/src/sweep";
import type { RemindersPage } from "../../workers/shared/src/contracts/reminders";
import { MailNotSent } from "../../workers/shared/src/platform/mail";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import {
  apiCall,
  type E2e,
  expectAccessible,
  organizationWithAdmin,
  screenshot,
  signIn,
  startE2e,
} from "./helpers";
import { person } from "./matching-seed";
import { seedPair } from "./relationship-seed";

const slug = "riverside";
const admin = { email: "coord@riverside.example", password: "river-lantern-meadow-81" };
const ada = person("Ada Mentor", "mentor", { interests: ["Careers"], department: "Law" }, slug);
const cy = person("Cy Mentee", "mentee", { interests: ["Careers"], department: "Law" }, slug);

/**
 * A zone whose clock reads about noon now, so the sweep's reminders are not held by quiet
 * hours (21:00–08:00) whatever time the test runs. "Etc/GMT-3" is three hours ahead of UTC.
 */
function middayZone(now: Date): string {
  const ahead = 12 - now.getUTCHours();
  return ahead >= 0 ? `Etc/GMT-${ahead}` : `Etc/GMT+${-ahead}`;
}

const table = (page: Page, view: string) => page.getByRole("table", { name: `Reminders: ${view}` });

describe("reminders: a coordinator sees what is coming and what failed, and sends it again", () => {
  let e2e: E2e;
  let token: string;
  let programId: string;

  beforeAll(async () => {
    e2e = await startE2e();
    const { platform } = e2e.host;
    token = await organizationWithAdmin(e2e, slug, "Riverside College", admin, "Casey Coordinator");
    // Matched 10 days ago: the first check-in opened 3 days ago; a first meeting and the
    // agreement fall due within the coming week.
    const seeded = await seedPair(e2e, slug, token, { mentor: ada, mentee: cy }, 10);
    programId = seeded.program.id;
    const tenant = await findTenantBySlug(platform.control, slug);
    const db = await platform.connections.db(tenant);
    await db
      .update(members)
      .set({ timeZone: middayZone(new Date()) })
      .where(inArray(members.email, [admin.email, ada.email, cy.email]));
    expect(await db.select().from(members).where(eq(members.email, cy.email))).toHaveLength(1);

    // The provider refuses every email to Cy during this sweep, as it would a bad address.
    const mail = platform.mail;
    platform.mail = {
      async send(message, options) {
        if (message.to === cy.email) {
          throw new MailNotSent("The email provider refused the message (400).", true);
        }
        await mail.send(message, options);
      },
    };
    try {
      await sweepTenant(platform, { tenantId: tenant.id, tick: new Date().toISOString() });
    } finally {
      platform.mail = mail;
    }
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("lists the week ahead, shows the failed reminder with its reason, and retries it", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, e2e.base, slug, admin.email, admin.password);
    await page.goto(`${e2e.base}/o/${slug}/programs/${programId}/reminders`);
    await page.getByRole("heading", { level: 2, name: "Reminders" }).waitFor();

    // Coming up (the first view): plain-language rows for the pair.
    const upcoming = table(page, "Coming up");
    await upcoming.getByText("No meeting planned").first().waitFor();
    await upcoming.getByText("Ada Mentor and Cy Mentee").first().waitFor();
    await page.getByText(/^What Tandem will remind people of in the next 7 days/).waitFor();
    await screenshot(page, "reminders-upcoming-375");
    await expectAccessible(page);

    // Failed: Cy's check-in email, with the provider's reason.
    await page.getByRole("button", { name: "Failed" }).click();
    const failed = table(page, "Failed");
    const row = failed.getByRole("row").filter({ hasText: "Check-in open" });
    await row.getByText("Reason: The email provider refused the message (400).").waitFor();
    await row.getByText("Cy Mentee", { exact: true }).waitFor();
    await screenshot(page, "reminders-failed-375");
    await expectAccessible(page);

    const failedCount = await failed.getByRole("button", { name: /^Retry/ }).count();
    await row.getByRole("button", { name: "Retry the reminder to Cy Mentee" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "The reminder to Cy Mentee will be emailed again in a moment" })
      .waitFor();
    await expect
      .poll(() => failed.getByRole("button", { name: /^Retry/ }).count())
      .toBe(failedCount - 1);
    await expectAccessible(page);

    // The email goes out; the reminder is listed as sent.
    const sent = () =>
      apiCall<RemindersPage>(e2e, token, `/v1/programs/${programId}/reminders?view=sent`);
    await expect
      .poll(async () =>
        (await sent()).items.some(
          (i) => i.rule === "check_in_due" && i.recipient.displayName === "Cy Mentee",
        ),
      )
      .toBe(true);
    await page.getByRole("button", { name: "Sent" }).click();
    await table(page, "Sent")
      .getByRole("row")
      .filter({ hasText: "Check-in open" })
      .filter({ hasText: "Cy Mentee" })
      .first()
      .waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("says what will appear when a view is empty", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.base, slug, admin.email, admin.password);
    await page.goto(`${e2e.base}/o/${slug}/programs/${programId}/reminders`);
    await page.getByRole("link", { name: "Reminders" }).first().waitFor();
    await page.getByRole("button", { name: "Waiting" }).click();
    await page.getByText(/^Nothing is waiting\. A reminder shows here when/).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

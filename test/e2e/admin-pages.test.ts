import { eq } from "drizzle-orm";
import { exportJWK, generateKeyPair } from "jose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../db/tenant/schema";
import { clientScopes } from "../../workers/shared/src/contracts/scopes";
import { createOutbox } from "../../workers/shared/src/platform/outbox";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import {
  acceptByApi,
  createOrganization,
  type E2e,
  mailedLink,
  screenshot,
  signIn,
  startE2e,
} from "./helpers";

const slug = "lakeside";
const email = "admin@lakeside.example";
const password = "meadow-lantern-harbour-77";

async function publicJwk(kid: string): Promise<string> {
  const { publicKey } = await generateKeyPair("ES256", { extractable: true });
  return JSON.stringify({ ...(await exportJWK(publicKey)), kid });
}

describe("admin pages", () => {
  let e2e: E2e;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e();
    const { link } = await createOrganization(e2e, slug, "Lakeside Institute", email);
    await acceptByApi(e2e, link, password, "Alex Admin");
    page = await (await e2e.browser.newContext()).newPage();
    await signIn(page, e2e.base, slug, email, password);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("previews a CSV with per-row problems and invites only the valid rows", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Members" }).click();
    const csv = [
      "email,role,display_name",
      "jo@lakeside.example,member,Jo Mentor",
      "not-an-email,member,Broken",
      "jo@lakeside.example,admin,Jo Again",
      "sam@lakeside.example,boss,Sam",
    ].join("\n");
    await page.getByLabel("Or paste the CSV here").fill(csv);
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("table", { name: "Invitations to send" });
    await preview.waitFor();
    await page.getByText("4 rows: 1 valid, 3 with problems.").waitFor();
    expect(await preview.textContent()).toContain("This address is already in row 1.");

    await page.getByLabel("All or nothing: invite nobody unless every row is valid").check();
    await page.getByRole("button", { name: "Send 1 invitation" }).click();
    await page.getByRole("alert").filter({ hasText: "Nothing was sent" }).waitFor();

    await page.getByLabel("Invite only the valid rows").check();
    await page.getByRole("button", { name: "Send 1 invitation" }).click();
    await page.getByRole("status").filter({ hasText: "Sent 1 invitation." }).waitFor();
    await preview
      .getByRole("row")
      .filter({ hasText: "jo@lakeside.example" })
      .first()
      .getByText("Invited")
      .waitFor();
    await screenshot(page, "bulk-invite");
    await mailedLink(e2e, "jo@lakeside.example", "accept");
  });

  it("revokes a pending invitation after confirmation", async () => {
    const pending = page.getByRole("table", { name: "Pending invitations" });
    await pending.getByRole("rowheader", { name: "jo@lakeside.example" }).waitFor();
    const revoke = page.getByRole("button", { name: "Revoke invitation to jo@lakeside.example" });
    // Escape cancels, and focus returns to the button that opened the dialog.
    await revoke.click();
    await page.getByRole("dialog").waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    // Focus moves back once the dialog has gone, a frame later on a busy machine.
    await expect.poll(() => revoke.evaluate((el) => el === document.activeElement)).toBe(true);
    await revoke.click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
    await page.getByText("No pending invitations.").waitFor();
  });

  it("registers an API client, rotates its key and revokes it", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "API clients" }).click();
    await page.getByText("No API clients yet.").waitFor();
    await page.getByLabel("Name", { exact: true }).fill("HR sync");
    // Every scope the API grants, programs and enrollments included.
    const scopes = page.getByRole("group", { name: "Scopes" }).getByRole("checkbox");
    expect(await scopes.evaluateAll((els) => els.map((el) => el.getAttribute("value")))).toEqual([
      ...clientScopes,
    ]);
    await page.getByLabel(/members:read/).check();
    await page.getByLabel(/programs:read/).check();
    await page.getByLabel("Public JWK", { exact: true }).fill("{not json");
    await page.getByRole("button", { name: "Register client" }).click();
    await page.getByText("This is not valid JSON.").waitFor();
    await page.getByLabel("Public JWK", { exact: true }).fill(await publicJwk("key-1"));
    await page.getByRole("button", { name: "Register client" }).click();
    const card = page.getByRole("article").filter({ hasText: "HR sync" });
    await card.getByRole("table", { name: "Keys of HR sync" }).waitFor();
    await card.getByText("members:read, programs:read").waitFor();

    await card.getByRole("button", { name: "Add key to HR sync" }).click();
    await card.getByLabel("New public JWK for HR sync").fill(await publicJwk("key-2"));
    await card.getByRole("button", { name: "Add key", exact: true }).click();
    await card.getByRole("rowheader", { name: "key-2" }).waitFor();
    await card.getByRole("button", { name: "Remove key key-1" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove key" }).click();
    await card.getByText("Key key-1 removed.").waitFor();
    expect(await card.getByRole("rowheader").allTextContents()).toEqual(["key-2"]);
    await screenshot(page, "api-clients");

    await card.getByRole("button", { name: "Revoke HR sync" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke client" }).click();
    await card.locator(".badge", { hasText: "Revoked" }).waitFor();
    expect(await card.getByRole("button", { name: /Revoke|Add key/ }).count()).toBe(0);
  });

  it("shows the audit log newest first, with who, what and from where", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
    const log = page.getByRole("table", { name: "Audit log" });
    await log.waitFor();
    const actions = await log.locator("tbody .action").allTextContents();
    expect(actions[0]).toBe("Revoked an API client");
    expect(actions).toContain("Invited a member");
    expect(actions).toContain("Revoked an invitation");
    const times = await log
      .locator("tbody time")
      .evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute("datetime") ?? "")));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(actions).toContain("Signed in");
    expect(await log.textContent()).toContain("127.0.0.1");
    await screenshot(page, "audit-log");
  });

  it("lists a failed email and sends it again with Retry", async () => {
    const { platform } = e2e.host;
    const db = await platform.connections.db(await findTenantBySlug(platform.control, slug));
    const to = "bounced@lakeside.example";
    const outboxOf = createOutbox({ db, now: new Date(), sealKey: platform.sealKey });
    const message = { to, subject: "Welcome to Lakeside", text: "Hello again" };
    await db.batch([...(await outboxOf.email(message, "e2e:bounced"))]);
    await db
      .update(outbox)
      .set({
        status: "dead",
        attempts: 1,
        lastError: "The email provider refused the message (422).",
      })
      .where(eq(outbox.key, "e2e:bounced"));

    await page.getByRole("navigation").getByRole("link", { name: "Deliveries" }).click();
    const table = page.getByRole("table", { name: "Deliveries" });
    const row = table.getByRole("row").filter({ hasText: to });
    await row.getByText("The email provider refused the message (422).").waitFor();
    await screenshot(page, "email-deliveries");
    await row.getByRole("button", { name: `Retry the email to ${to}` }).click();
    await page.getByText(`The email to ${to} will be sent again in a moment.`).waitFor();
    await page.getByText("No failed deliveries.").waitFor();
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${e2e.base}/dev/mailbox?to=${encodeURIComponent(to)}`);
      const { items } = (await res.json()) as { items: { subject: string }[] };
      if (items.length > 0) {
        expect(items.map((m) => m.subject)).toEqual(["Welcome to Lakeside"]);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect.fail(`the retried email never reached ${to}`);
  });

  it("saves the profile, and the header shows the new name", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Home" }).click();
    await page.getByLabel("Display name").fill("Alex Admin-Lee");
    await page.getByLabel("Time zone").selectOption("Europe/Oslo");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByRole("status").filter({ hasText: "Your profile has been saved." }).waitFor();
    await page.getByRole("banner").getByText("Alex Admin-Lee").waitFor();
    await page.reload();
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Oslo");
  });

  it("keeps the session over a reload, and ends it on sign out", async () => {
    await page.goto(`${e2e.base}/o/${slug}/members`);
    await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    await page.goto(`${e2e.base}/o/${slug}/members`);
    await page.waitForURL(`${e2e.base}/o/${slug}/sign-in`);
  });

  it("resets a forgotten password through the emailed link", async () => {
    const other = await (await e2e.browser.newContext()).newPage();
    await other.goto(`${e2e.base}/o/${slug}/sign-in`);
    await other.getByRole("link", { name: "Forgot password?" }).click();
    await other.getByLabel("Email").fill(email);
    await other.getByRole("button", { name: "Send reset link" }).click();
    await other.getByText("If an account exists, we've sent a link.").waitFor();

    const link = await mailedLink(e2e, email, "reset-password");
    await other.goto(link);
    const newPassword = "sunrise-granite-ferry-58";
    await other.getByLabel("New password").fill(newPassword);
    await other.getByLabel("Confirm password").fill(newPassword);
    await other.getByRole("button", { name: "Set new password" }).click();
    await other.getByText("Your password has been changed.").waitFor();
    await other.getByRole("link", { name: "Sign in with your new password" }).click();
    await other.getByLabel("Email").fill(email);
    await other.getByLabel("Password").fill(newPassword);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.getByRole("heading", { level: 1, name: "Welcome, Alex Admin-Lee" }).waitFor();

    // Changing the email address: a link to the new address, confirmed on its page.
    await other.getByLabel("New email").fill("alex@lakeside.example");
    await other.getByLabel("Password", { exact: true }).fill(newPassword);
    await other.getByRole("button", { name: "Send confirmation link" }).click();
    await other.getByText("We've sent a confirmation link to alex@lakeside.example.").waitFor();
    await other.goto(await mailedLink(e2e, "alex@lakeside.example", "confirm-email"));
    await other.getByRole("button", { name: "Confirm my new email" }).click();
    await other.getByText("Your email address has been changed.").waitFor();
    await other.getByRole("link", { name: "Continue to Tandem" }).click();
    await other.getByText("alex@lakeside.example").waitFor();
  });
});

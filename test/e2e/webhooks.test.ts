import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startWebhookSink,
  verifiesWith,
  type WebhookSink,
} from "../support/reminders/webhook-sink";
import {
  acceptByApi,
  createOrganization,
  type E2e,
  expectAccessible,
  screenshot,
  signIn,
  startE2e,
} from "./helpers";

const slug = "riverbend";
const admin = { email: "coord@riverbend.example", password: "river-bend-lantern-81" };

describe("webhooks: an admin connects a chat channel for coordinator reminders", () => {
  let e2e: E2e;
  let sink: WebhookSink;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e();
    // The local receiver is on 127.0.0.1, which only dev and test platforms accept.
    e2e.host.platform.allowLocalWebhooks = true;
    sink = await startWebhookSink();
    const { link } = await createOrganization(e2e, slug, "Riverbend Institute", admin.email);
    await acceptByApi(e2e, link, admin.password, "Robin Coordinator");
    page = await e2e.browser.newPage();
    await signIn(page, e2e.base, slug, admin.email, admin.password);
  });

  afterAll(async () => {
    await e2e?.close();
    await sink?.close();
  });

  it("adds a target, sees its secret once, sends a test and sees it delivered", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
    await page.getByText("No webhook targets yet.").waitFor();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "Add a webhook target" });
    await form.getByRole("button", { name: "Add target" }).click();
    await form.getByText("Paste the incoming webhook's URL.").waitFor();
    await form.getByLabel("Name").fill("Coordinators channel");
    await form.getByLabel("Webhook URL").fill("http://hooks.example.com/services/x");
    await form.getByRole("button", { name: "Add target" }).click();
    await form.getByText("URL must start with https://.").waitFor();
    await form.getByLabel("Webhook URL").fill(sink.url);
    await form.getByRole("button", { name: "Add target" }).click();

    const secretBox = page.getByRole("region", { name: "“Coordinators channel” is added" });
    await secretBox.waitFor();
    const secret = await secretBox.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page);
    await screenshot(page, "webhooks-secret-once");
    await secretBox.getByRole("button", { name: "I have copied it" }).click();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
    const table = page.getByRole("table", { name: "Webhook targets" });
    const row = table.getByRole("row").filter({ hasText: "Coordinators channel" });
    await row.getByText("127.0.0.1:").waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await page.content()).not.toContain(new URL(sink.url).pathname);

    await row.getByRole("button", { name: "Send test to Coordinators channel" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "A test post to “Coordinators channel” is on its way." })
      .waitFor();
    await expect.poll(() => sink.accepted().length).toBe(1);
    expect(verifiesWith(secret, sink.accepted()[0]!)).toBe(true);
    expect(sink.accepted()[0]!.body.text).toContain("Riverbend Institute");

    await page.getByRole("link", { name: "Deliveries" }).last().click();
    await page.getByRole("heading", { level: 1, name: "Deliveries" }).waitFor();
    await page.getByLabel("Status").selectOption({ label: "Sent" });
    const delivery = page
      .getByRole("table", { name: "Deliveries" })
      .getByRole("row")
      .filter({ hasText: "Webhook “Coordinators channel”" });
    await delivery.getByText("Test post to Coordinators channel").waitFor();
    await delivery.getByText(/^Sent /).waitFor();
    await expectAccessible(page);
    await screenshot(page, "webhooks-delivered");
  });

  it("disables, enables and deletes a target after confirming", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Webhooks" }).click();
    const row = page
      .getByRole("table", { name: "Webhook targets" })
      .getByRole("row")
      .filter({ hasText: "Coordinators channel" });
    await row.getByRole("button", { name: "Disable Coordinators channel" }).click();
    await row.getByText("Disabled").waitFor();
    expect(await row.getByRole("button", { name: /Send test/ }).count()).toBe(0);
    await row.getByRole("button", { name: "Enable Coordinators channel" }).click();
    await row.getByText("Active").waitFor();

    await row.getByRole("button", { name: "Delete Coordinators channel" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Coordinators channel”?" });
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Delete target" }).click();
    await page.getByText("No webhook targets yet.").waitFor();
  });
});

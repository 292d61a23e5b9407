import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteFirstAdmin } from "../../workers/api/src/features/members/invitations";
import type { ProgramView } from "../../workers/shared/src/contracts/programs";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { axeViolations } from "./axe";
import {
  addMember,
  apiCall,
  apiToken,
  type E2e,
  horizontalOverflow,
  organizationWithAdmin,
  signIn,
  startE2e,
} from "./helpers";

const slug = "lakeside";
const admin = { email: "lead@lakeside.example", password: "tandem-lake-heron-2031" };
const member = { email: "mo@lakeside.example", password: "quiet-orchard-copper-58" };
const longQuestion =
  "What are you most looking forward to, or most unsure about, in your first semester at " +
  "Lakeside, and what would you like your mentor to know about how you like to work?";

/** A page state: where to go and, if needed, what to do there before the scan. */
type State = [name: string, path: () => string, prepare?: (page: Page) => Promise<void>];

describe("every page meets WCAG 2.2 AA as axe-core checks it", () => {
  let e2e: E2e;
  let programId = "";
  let pendingLink = "";

  beforeAll(async () => {
    e2e = await startE2e();
    const token = await organizationWithAdmin(e2e, slug, "Lakeside College", admin, "Robin Lead");
    await addMember(e2e, token, { ...member, displayName: "Mo Mentee" });
    const tenant = await findTenantBySlug(e2e.host.platform.control, slug);
    ({ link: pendingLink } = await inviteFirstAdmin({
      platform: e2e.host.platform,
      tenant,
      email: "second@lakeside.example",
      now: new Date(),
    }));
    const program = await apiCall<ProgramView>(e2e, token, "/v1/programs", {
      method: "POST",
      body: {
        name: "First-year buddies",
        templateKey: "university-peer",
        applicationForm: {
          profileFields: { interests: "required", availability: "optional" },
          questions: [{ id: "hopes", label: longQuestion, kind: "long_text", required: true }],
        },
      },
    });
    programId = program.id;
    await apiCall(e2e, token, `/v1/programs/${programId}/status`, {
      method: "POST",
      body: { status: "open" },
    });
    await apiCall(e2e, token, `/v1/programs/${programId}/training`, {
      method: "POST",
      body: {
        title: "Mentoring basics",
        kind: "link",
        url: "https://example.org/basics",
        requiredFor: "both",
      },
    });
    const memberToken = await apiToken(e2e, slug, member.email, member.password);
    await apiCall(e2e, memberToken, `/v1/programs/${programId}/enrollments`, {
      method: "POST",
      body: {
        role: "mentee",
        profile: { interests: ["music"] },
        answers: { hopes: `${"Settling in, finding the library and making friends. ".repeat(6)}` },
      },
    });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const program = (tab = "") => `/o/${slug}/programs/${programId}${tab}`;
  const signedOut: State[] = [
    ["landing", () => "/"],
    ["sign-in", () => `/o/${slug}/sign-in`],
    ["unknown organization", () => "/o/no-such-org/sign-in"],
    ["forgot password", () => `/o/${slug}/forgot-password`],
    ["accept", () => new URL(pendingLink).pathname + new URL(pendingLink).hash],
    ["reset password", () => `/o/${slug}/reset-password#token=x`],
    ["confirm email", () => `/o/${slug}/confirm-email#token=x`],
    ["dev mailbox", () => "/dev/mail"],
    ["page not found", () => "/nowhere"],
  ];
  const coordinator: State[] = [
    ["home", () => `/o/${slug}/`],
    ["members", () => `/o/${slug}/members`],
    [
      "members CSV preview",
      () => `/o/${slug}/members`,
      async (page) => {
        await page.getByLabel("Or paste the CSV here").fill("email,role\nbad,boss\n");
        await page.getByRole("button", { name: "Preview" }).click();
        await page.getByRole("table", { name: "Invitations to send" }).waitFor();
      },
    ],
    ["API clients", () => `/o/${slug}/clients`],
    ["audit log", () => `/o/${slug}/audit`],
    ["deliveries", () => `/o/${slug}/deliveries`],
    ["webhooks", () => `/o/${slug}/webhooks`],
    ["programs", () => `/o/${slug}/programs`],
    ["new program", () => `/o/${slug}/programs/new`],
    ["program overview", () => program()],
    ["rules", () => program("/rules")],
    [
      "rules with a mistake",
      () => program("/rules"),
      async (page) => {
        await page.getByRole("spinbutton").first().fill("0");
        await page.locator("[aria-invalid='true']").first().waitFor();
      },
    ],
    [
      "rules: evaluations",
      () => program("/rules"),
      async (page) => {
        await page.getByRole("tab", { name: "Evaluations" }).click();
      },
    ],
    ["application form", () => program("/form")],
    ["training", () => program("/training")],
    ["applications", () => program("/applications")],
    ["my programs", () => `/o/${slug}/my-programs`],
  ];
  const memberPages: State[] = [
    ["member home", () => `/o/${slug}/`],
    ["join programs", () => `/o/${slug}/programs`],
    ["apply", () => program("/apply")],
    ["member's programs", () => `/o/${slug}/my-programs`],
  ];

  /** Scans each state; at phone width also checks that nothing scrolls sideways (1.4.10). */
  async function scan(page: Page, states: State[], found: string[]) {
    for (const [name, path, prepare] of states) {
      await page.goto(`${e2e.base}${path()}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForFunction(() => !document.querySelector(".loading"));
      await prepare?.(page);
      for (const violation of await axeViolations(page)) found.push(`${name}: ${violation}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0)
        found.push(`${name}: reflow: the page is ${overflow} px wider than the screen`);
    }
  }

  const variants = [
    ["desktop", 1280, "light"],
    ["desktop", 1280, "dark"],
    ["375 px", 375, "light"],
    ["375 px", 375, "dark"],
  ] as const;

  it.each(variants)("%s wide (%i px), %s colours", async (_, width, colorScheme) => {
    const found: string[] = [];
    const context = await e2e.browser.newContext({ viewport: { width, height: 800 }, colorScheme });
    const page = await context.newPage();
    await scan(page, signedOut, found);
    await signIn(page, e2e.base, slug, admin.email, admin.password);
    await scan(page, coordinator, found);
    await context.clearCookies();
    await page.evaluate(() => localStorage.clear());
    await signIn(page, e2e.base, slug, member.email, member.password);
    await scan(page, memberPages, found);
    await context.close();
    expect(found).toEqual([]);
  });
});

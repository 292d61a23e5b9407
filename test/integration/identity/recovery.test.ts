import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailTokens } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import {
  type AuthHarness,
  cookieHeaders,
  memberRow,
  startAuthHarness,
  strongPassword,
} from "../../support/auth-fixtures";
import { expectProblem } from "../../support/problem";

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness();
  await h.createTenant("acme", "Acme University");
});
afterAll(() => h.close());

const newPassword = "a brand new secret 99";
const mailbox = () => h.platform.mail as DevMailbox;
const login = (email: string, password: string) =>
  h.post("/v1/orgs/acme/auth/login", { email, password });

/** The token of the newest link of that kind delivered to `to`, as a user would click it. */
async function tokenFromMail(to: string, kind: "reset-password" | "confirm-email") {
  await h.deliver();
  const [mail] = mailbox().list({ to });
  const pattern = new RegExp(`http://tandem\\.test/o/acme/${kind}#token=(\\S+)`);
  const match = mail?.text.match(pattern);
  expect(match, `a ${kind} link mailed to ${to}`).toBeTruthy();
  return decodeURIComponent(match![1]!);
}

async function auditFor(action: string, subjectId: string) {
  const rows = await (await h.db("acme"))
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action));
  return rows.filter((r) => r.subjectId === subjectId);
}

describe("password reset", () => {
  /**
   * The email is written and delivered after the 202, so the answer cannot tell whether the
   * account exists; this waits for the delivery.
   */
  const requestReset = async (email: unknown) => {
    const res = await h.post("/v1/orgs/acme/auth/password-reset", { email });
    await h.deliver();
    return res;
  };
  const confirm = (token: string, password: string) =>
    h.post("/v1/orgs/acme/auth/password-reset/confirm", { token, password });

  it("works end to end from the emailed link, and signs the member out everywhere", async () => {
    const ada = await h.addMember("acme", { email: "ada@acme.example", displayName: "Ada" });
    const session = await h.signIn("acme", "ada@acme.example", strongPassword);
    expect((await requestReset(" ADA@acme.example")).status).toBe(202);

    const [mail] = mailbox().list({ to: "ada@acme.example" });
    expect(mail!.subject).toContain("Reset your Tandem password");
    expect(mail!.text).toContain("Hi Ada,");
    expect(mail!.text).toContain("Acme University");
    expect(mail!.text).toContain("expires in 1 hour");
    expect(mail!.text).toContain("If you didn't ask for this");

    const token = await tokenFromMail("ada@acme.example", "reset-password");
    expect((await confirm(token, newPassword)).status).toBe(204);
    await expectProblem(await login("ada@acme.example", strongPassword), 401, "unauthorized");
    expect((await login("ada@acme.example", newPassword)).status).toBe(200);
    const refreshed = await h.post(
      "/v1/orgs/acme/auth/refresh",
      "{}",
      cookieHeaders(session.refresh),
    );
    await expectProblem(refreshed, 401, "unauthorized");
    await expectProblem(await confirm(token, "yet another secret 1"), 404, "not_found");
    expect(await auditFor("member.password_reset", ada.id)).toHaveLength(1);
  });

  it("answers 202 for unknown and not-yet-active addresses, and sends nothing", async () => {
    await h.addMember("acme", { email: "invitee@acme.example", status: "invited", password: null });
    expect((await requestReset("nobody@acme.example")).status).toBe(202);
    expect((await requestReset("invitee@acme.example")).status).toBe(202);
    expect(mailbox().list({ to: "nobody@acme.example" })).toEqual([]);
    expect(mailbox().list({ to: "invitee@acme.example" })).toEqual([]);
  });

  it("a link expires after an hour", async () => {
    await h.addMember("acme", { email: "slow@acme.example" });
    await requestReset("slow@acme.example");
    const token = await tokenFromMail("slow@acme.example", "reset-password");
    h.clock.advance(60 * 60 * 1000 + 1);
    await expectProblem(await confirm(token, newPassword), 404, "not_found");
    expect((await login("slow@acme.example", strongPassword)).status).toBe(200);
  });

  it("refuses a weak new password with a field error and keeps the link usable", async () => {
    await h.addMember("acme", { email: "weak@acme.example" });
    await requestReset("weak@acme.example");
    const token = await tokenFromMail("weak@acme.example", "reset-password");
    const body = await expectProblem(await confirm(token, "qwertyuiop"), 400, "validation");
    expect(body.errors).toEqual([{ field: "password", message: expect.stringMatching(/common/) }]);
    expect((await confirm(token, newPassword)).status).toBe(204);
  });

  it("sends at most 3 reset emails an hour to one member", async () => {
    await h.addMember("acme", { email: "flood@acme.example" });
    for (let i = 0; i < 5; i++) {
      expect((await requestReset("flood@acme.example")).status).toBe(202);
    }
    expect(mailbox().list({ to: "flood@acme.example" })).toHaveLength(3);
  });

  it("a reset lifts the account's sign-in block", async () => {
    await h.addMember("acme", { email: "locked@acme.example" });
    for (let i = 0; i < 5; i++) await login("locked@acme.example", "wrong password");
    await expectProblem(await login("locked@acme.example", strongPassword), 429, "rate_limited");
    await requestReset("locked@acme.example");
    await confirm(await tokenFromMail("locked@acme.example", "reset-password"), newPassword);
    expect((await login("locked@acme.example", newPassword)).status).toBe(200);
  });

  it("answers 400 for a missing or malformed email", async () => {
    await expectProblem(await requestReset(undefined), 400, "validation");
    await expectProblem(await requestReset("not-an-email"), 400, "validation");
  });
});

describe("email change", () => {
  const requestChange = (token: string, body: unknown) =>
    h.request("/v1/me/email", {
      method: "POST",
      token,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const confirm = (token: string) => h.post("/v1/orgs/acme/auth/email-change/confirm", { token });

  it("confirms the new address by link, then tells the old one", async () => {
    const bo = await h.addMember("acme", { email: "bo@acme.example", displayName: "Bo" });
    const { body } = await h.signIn("acme", "bo@acme.example", strongPassword);
    const res = await requestChange(body.accessToken, {
      newEmail: "Bo.New@Acme.example",
      password: strongPassword,
    });
    expect(res.status).toBe(202);
    expect((await memberRow(h, "acme", bo.id)).email).toBe("bo@acme.example");

    await h.deliver();
    const [mail] = mailbox().list({ to: "bo.new@acme.example" });
    expect(mail!.text).toContain("expires in 24 hours");
    expect(mail!.text).toContain("you keep signing in with bo@acme.example");
    expect(
      (await confirm(await tokenFromMail("bo.new@acme.example", "confirm-email"))).status,
    ).toBe(204);

    expect((await memberRow(h, "acme", bo.id)).email).toBe("bo.new@acme.example");
    expect((await login("bo.new@acme.example", strongPassword)).status).toBe(200);
    await expectProblem(await login("bo@acme.example", strongPassword), 401, "unauthorized");
    await h.deliver();
    const [notice] = mailbox().list({ to: "bo@acme.example" });
    expect(notice!.subject).toContain("was changed");
    expect(notice!.text).toContain("bo.new@acme.example");
    const [entry] = await auditFor("member.email_change", bo.id);
    expect(entry!.detail).toEqual({ from: "bo@acme.example", to: "bo.new@acme.example" });
  });

  it("needs the current password, and writes and sends nothing without it", async () => {
    const cy = await h.addMember("acme", { email: "cy@acme.example" });
    const { body } = await h.signIn("acme", "cy@acme.example", strongPassword);
    const res = await requestChange(body.accessToken, {
      newEmail: "cy2@acme.example",
      password: "not my password",
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors).toEqual([{ field: "password", message: expect.any(String) }]);
    const rows = await (await h.db("acme"))
      .select()
      .from(emailTokens)
      .where(eq(emailTokens.memberId, cy.id));
    expect(rows).toEqual([]);
    await h.deliver();
    expect(mailbox().list({ to: "cy2@acme.example" })).toEqual([]);
  });

  it("answers 409 when another member has the address, at request or at confirmation", async () => {
    await h.addMember("acme", { email: "taken@acme.example" });
    const di = await h.addMember("acme", { email: "di@acme.example" });
    const { body } = await h.signIn("acme", "di@acme.example", strongPassword);
    const early = await requestChange(body.accessToken, {
      newEmail: "taken@acme.example",
      password: strongPassword,
    });
    await expectProblem(early, 409, "conflict");

    await requestChange(body.accessToken, {
      newEmail: "later@acme.example",
      password: strongPassword,
    });
    const token = await tokenFromMail("later@acme.example", "confirm-email");
    await h.addMember("acme", { email: "later@acme.example" });
    await expectProblem(await confirm(token), 409, "conflict");
    expect((await memberRow(h, "acme", di.id)).email).toBe("di@acme.example");
  });

  it("a confirmation link works once and expires after 24 hours", async () => {
    await h.addMember("acme", { email: "ed@acme.example" });
    await h.addMember("acme", { email: "fay@acme.example" });
    const ed = await h.signIn("acme", "ed@acme.example", strongPassword);
    const fay = await h.signIn("acme", "fay@acme.example", strongPassword);
    await requestChange(ed.body.accessToken, {
      newEmail: "ed2@acme.example",
      password: strongPassword,
    });
    await requestChange(fay.body.accessToken, {
      newEmail: "fay2@acme.example",
      password: strongPassword,
    });
    const edToken = await tokenFromMail("ed2@acme.example", "confirm-email");
    expect((await confirm(edToken)).status).toBe(204);
    await expectProblem(await confirm(edToken), 404, "not_found");
    h.clock.advance(24 * 60 * 60 * 1000 + 1);
    await expectProblem(
      await confirm(await tokenFromMail("fay2@acme.example", "confirm-email")),
      404,
      "not_found",
    );
  });

  it("answers 400 for a malformed new address or the current one", async () => {
    await h.addMember("acme", { email: "gil@acme.example" });
    const { body } = await h.signIn("acme", "gil@acme.example", strongPassword);
    const bad = await requestChange(body.accessToken, {
      newEmail: "nope",
      password: strongPassword,
    });
    expect((await expectProblem(bad, 400, "validation")).errors[0]?.field).toBe("newEmail");
    const same = await requestChange(body.accessToken, {
      newEmail: "GIL@acme.example",
      password: strongPassword,
    });
    expect((await expectProblem(same, 400, "validation")).errors[0]?.field).toBe("newEmail");
  });
});

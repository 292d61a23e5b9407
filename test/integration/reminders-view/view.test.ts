import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../support/problem";
import { sendJson } from "../../support/programs-fixtures";
import { gist, slug, startViewWorld, sweptAt, type ViewWorld } from "./fixture";

let w: ViewWorld;
beforeAll(async () => {
  w = await startViewWorld();
});
afterAll(() => w.close());

describe("a program's reminders, as its coordinator sees them", () => {
  it("upcoming: what the coming week will send, with the window it covers", async () => {
    const page = await w.list("upcoming");
    expect(page.window).toEqual({
      from: sweptAt.toISOString(),
      until: "2030-03-09T09:00:00.000Z",
    });
    expect(page.nextCursor).toBeNull();
    expect(gist(page)).toEqual(["Meeting coming up → Mia (Tom)", "Meeting coming up → Tom (Tom)"]);
    const toTom = page.items.find((i) => i.recipient.memberId === "tom");
    expect(toTom).toMatchObject({
      rule: "meeting_soon",
      text: "Your next mentoring meeting starts in 24 hours.",
      pair: {
        matchId: w.match.miaTom,
        mentor: { memberId: "mia", displayName: "Mia" },
        mentee: { memberId: "tom", displayName: "Tom" },
      },
      channels: ["email", "in_app"],
      status: "upcoming",
      sendAt: "2030-03-04T15:00:00.000Z",
      sentAt: null,
      attempts: 0,
      lastError: null,
    });
  });

  it("waiting: written, held by the recipient's quiet hours until 08:00 on her clock", async () => {
    const page = await w.list("waiting");
    expect(page.window).toBeNull();
    expect(gist(page)).toEqual(["Check-in open → Lena (Ned)", "No meeting planned → Lena (Ned)"]);
    for (const item of page.items) {
      expect(item).toMatchObject({
        status: "waiting",
        sendAt: "2030-03-02T16:00:00.000Z",
        nextAttemptAt: "2030-03-02T16:00:00.000Z",
        attempts: 0,
        pair: { matchId: w.match.lenaNed },
      });
    }
  });

  it("failed: the emails the provider refused, with its reason and the attempts", async () => {
    const page = await w.list("failed");
    // Coordinators' reminders (a contact due, escalations) go by email too, to Cora.
    expect(gist(page)).toEqual([
      "Check-in open → Mia (Tom)",
      "Check-in open → Ned (Ned)",
      "Check-in open → Tom (Tom)",
      "Coordinator contact due → Cora Coordinator (Ned)",
      "Coordinator contact due → Cora Coordinator (Tom)",
      "Escalated to coordinators → Cora Coordinator (Ned)",
      "Escalated to coordinators → Cora Coordinator (Ned)",
      "Escalated to coordinators → Cora Coordinator (Tom)",
      "No meeting planned → Ned (Ned)",
    ]);
    for (const item of page.items) {
      expect(item).toMatchObject({
        status: "failed",
        attempts: 1,
        lastError: "The email provider refused the message (400).",
        nextAttemptAt: null,
        sentAt: null,
      });
    }
    expect(page.items.filter((i) => i.rule === "escalation").map((i) => i.text)).toContain(
      "The pair has not had a first meeting. Overdue for 7 days or more.",
    );
  });

  it("sent: a program that reminds in the app only shows them sent once shown", async () => {
    const res = await sendJson(
      w.h,
      "GET",
      `/v1/programs/${w.inAppProgramId}/reminders?view=sent`,
      w.admin,
    );
    expect(res.status).toBe(200);
    const page = (await res.json()) as Awaited<ReturnType<ViewWorld["list"]>>;
    expect(gist(page)).toContain("Check-in open → Ivy (Otto)");
    const ivy = page.items.find((i) => i.rule === "check_in_due" && i.recipient.memberId === "ivy");
    expect(ivy).toMatchObject({
      channels: ["in_app"],
      status: "sent",
      sentAt: sweptAt.toISOString(),
      attempts: 0,
    });
    expect((await w.list("sent")).items).toEqual([]);
  });

  it("pages with the shared cursor: each reminder once, in order, newest first", async () => {
    const all = await w.list("failed");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await w.list("failed", w.admin, query);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.key));
    const upcoming = await w.list("upcoming", w.admin, "&limit=1");
    expect(upcoming.items).toHaveLength(1);
    const rest = await w.list(
      "upcoming",
      w.admin,
      `&limit=1&cursor=${encodeURIComponent(upcoming.nextCursor!)}`,
    );
    expect(rest.items.map((i) => i.key)).not.toEqual(upcoming.items.map((i) => i.key));
    expect(rest.nextCursor).toBeNull();
  });

  it("refuses bad input with a problem, never a 500", async () => {
    const base = `/v1/programs/${w.programId}/reminders`;
    await expectProblem(await sendJson(w.h, "GET", `${base}?view=all`, w.admin), 400, "validation");
    await expectProblem(
      await sendJson(w.h, "GET", `${base}?view=failed&cursor=bm9wZQ`, w.admin),
      400,
      "validation",
    );
    await expectProblem(
      await sendJson(w.h, "GET", `/v1/programs/nope/reminders`, w.admin),
      404,
      "not_found",
    );
  });
});

describe("who may read them", () => {
  it("a plain member is refused", async () => {
    const token = await w.h.tokenFor(slug, { memberId: "tom", role: "member" });
    const res = await sendJson(w.h, "GET", `/v1/programs/${w.programId}/reminders`, token);
    await expectProblem(res, 403, "forbidden");
  });
});

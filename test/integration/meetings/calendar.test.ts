import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarFeeds } from "../../../db/tenant/schema";
import type { CalendarFeedView } from "../../../workers/shared/src/contracts/relationship/meetings";
import { expectProblem } from "../../support/problem";
import { type MeetingsWorld, meetingsWorld } from "./fixtures";

// The secret calendar address: parsed back with a calendar library, as calendar apps read it.
let w: MeetingsWorld;
beforeAll(async () => {
  w = await meetingsWorld("cal-org", "2030-05-01T09:00:00.000Z");
});
afterAll(() => w.h.close());

async function newFeed(who: string): Promise<string> {
  const res = await w.send("POST", "/v1/me/calendar-feed", who);
  expect(res.status).toBe(201);
  const { url } = (await res.json()) as CalendarFeedView;
  expect(url).toMatch(
    /^http:\/\/tandem\.test\/v1\/orgs\/cal-org\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
  );
  return new URL(url).pathname;
}

/** The feed as a calendar app fetches it: no credential, not JSON. */
const fetchFeed = (path: string) => w.h.app.request(path);

interface Event {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  start: string;
}

async function eventsOf(path: string): Promise<Event[]> {
  const res = await fetchFeed(path);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue("status")),
      summary: event.summary,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}

describe("a member's calendar feed", () => {
  it("lists meetings with stable UIDs, a growing SEQUENCE and cancellations", async () => {
    const { matchId } = await w.pair();
    const base = `/v1/matches/${matchId}/meetings`;
    const body = {
      timeZone: "Europe/Berlin",
      durationMinutes: 60,
      format: "in_person",
      place: "Room 4",
    };
    const first = await w.schedule(matchId, { ...body, startsAt: "2030-05-06T18:00" }, "mia");
    const second = await w.schedule(matchId, { ...body, startsAt: "2030-05-20T18:00" }, "mia");
    const feed = await newFeed("tom");

    const before = await eventsOf(feed);
    expect(before.map((e) => e.uid).sort()).toEqual(
      [`${first.id}@tandem`, `${second.id}@tandem`].sort(),
    );
    expect(before.find((e) => e.uid === `${first.id}@tandem`)).toMatchObject({
      sequence: 0,
      status: "CONFIRMED",
      summary: "Mentoring: Mia Mentor (Speaking circle)",
      location: "Room 4",
      start: "2030-05-06T16:00:00.000Z",
    });

    await w.send("PATCH", `${base}/${first.id}`, "tom", {
      startsAt: "2030-05-07T12:00",
      timeZone: "America/Toronto",
    });
    await w.send("POST", `${base}/${second.id}/cancel`, "tom", { reason: "Holiday" });

    const after = await eventsOf(feed);
    const moved = after.find((e) => e.uid === `${first.id}@tandem`);
    expect(moved).toMatchObject({
      sequence: 1,
      status: "CONFIRMED",
      start: "2030-05-07T16:00:00.000Z",
    });
    const cancelled = after.find((e) => e.uid === `${second.id}@tandem`);
    expect(cancelled).toMatchObject({ sequence: 1, status: "CANCELLED" });

    // The mentor's own feed names the mentee.
    const miaEvents = await eventsOf(await newFeed("mia"));
    expect(miaEvents[0]?.summary).toBe("Mentoring: Tom Mentee (Speaking circle)");
  });

  it("keeps only a hash, and a new address or a revocation ends the old one (404)", async () => {
    const old = await newFeed("ula");
    const token = old.split("/").at(-1)!.slice(0, -".ics".length);
    const rows = await w.db.select().from(calendarFeeds);
    expect(JSON.stringify(rows)).not.toContain(token);

    const replacement = await newFeed("ula");
    await expectProblem(await fetchFeed(old), 404, "not_found");
    expect((await fetchFeed(replacement)).status).toBe(200);

    expect((await w.send("DELETE", "/v1/me/calendar-feed", "ula")).status).toBe(204);
    await expectProblem(await fetchFeed(replacement), 404, "not_found");
    await expectProblem(
      await fetchFeed(`/v1/orgs/cal-org/calendar/${"A".repeat(43)}.ics`),
      404,
      "not_found",
    );
    await expectProblem(await fetchFeed("/v1/orgs/cal-org/calendar/short.ics"), 404, "not_found");
    await expectProblem(
      await fetchFeed(`/v1/orgs/other-org/calendar/${token}.ics`),
      404,
      "not_found",
    );
  });
});

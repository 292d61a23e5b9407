import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetings } from "../../../db/tenant/schema";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type MeetingsWorld, meetingsWorld } from "./fixtures";

// The scheduler's sweep marks meetings nobody logged within a day of their end as missed.
let w: MeetingsWorld;
beforeAll(async () => {
  w = await meetingsWorld("missed-org", "2030-05-01T09:00:00.000Z");
});
afterAll(() => w.h.close());

const at = (iso: string) => {
  w.clock.now = new Date(iso);
};

async function sweep() {
  const tenant = await findTenantBySlug(w.h.platform.control, w.slug);
  expect(
    await sweepTenant(w.h.platform, { tenantId: tenant.id, tick: w.clock.now.toISOString() }),
  ).toBe("swept");
}

async function statusOf(id: string) {
  const [row] = await w.db.select().from(meetings).where(eq(meetings.id, id));
  return row!;
}

describe("missed meetings", () => {
  it("marks an unlogged meeting missed a day after its end, once, and leaves the others alone", async () => {
    const { matchId } = await w.pair();
    const meeting = (startsAt: string) =>
      w.schedule(matchId, { startsAt, timeZone: "UTC", durationMinutes: 60, format: "video" });
    const unlogged = await meeting("2030-05-02T10:00");
    const held = await meeting("2030-05-02T12:00");
    const cancelled = await meeting("2030-05-02T14:00");
    const later = await meeting("2030-05-03T10:00");
    const base = `/v1/matches/${matchId}/meetings`;
    await w.send("POST", `${base}/${cancelled.id}/cancel`, "tom", { reason: "Ill" });
    at("2030-05-02T13:30:00.000Z");
    await w.send("POST", `${base}/${held.id}/log`, "tom", {
      attendees: ["tom", "mia"],
      heldMinutes: 60,
    });

    // 23 hours after the first meeting's end: not yet.
    at("2030-05-03T10:00:00.000Z");
    await sweep();
    expect((await statusOf(unlogged.id)).status).toBe("scheduled");

    at("2030-05-03T11:00:01.000Z");
    await sweep();
    const missed = await statusOf(unlogged.id);
    expect(missed.status).toBe("missed");
    expect((await statusOf(held.id)).status).toBe("held");
    expect((await statusOf(cancelled.id)).status).toBe("cancelled");
    expect((await statusOf(later.id)).status).toBe("scheduled");

    // Again, later: nothing more changes, not even the time of the change.
    at("2030-05-03T12:00:00.000Z");
    await sweep();
    expect(await statusOf(unlogged.id)).toEqual(missed);

    // The pair can still log it late.
    const late = await w.send("POST", `${base}/${unlogged.id}/log`, "mia", {
      attendees: ["mia"],
      heldMinutes: 40,
    });
    expect(await late.json()).toMatchObject({ status: "held", heldMinutes: 40 });
  });
});

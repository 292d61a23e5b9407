import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CalendarFeedView,
  MeetingView,
} from "../../../workers/shared/src/contracts/relationship/meetings";
import { expectProblem } from "../../support/problem";
import { integration, type MeetingsWorld, meetingsWorld } from "./fixtures";

// A private note is its author's alone: no route shows it to the other person of the pair, a
// coordinator or an integration. Shared notes stay within the pair.
let w: MeetingsWorld;
let matchId: string;
let meetingId: string;
let path: string;
let client: () => Promise<string>;

const secrets = { tom: "TOM-PRIVATE-7431", mia: "MIA-PRIVATE-2290" };
const shared = "SHARED-NOTES-5512";

beforeAll(async () => {
  w = await meetingsWorld("notes-org", "2030-05-01T09:00:00.000Z");
  ({ matchId } = await w.pair());
  const made = await w.schedule(matchId, {
    startsAt: "2030-05-01T12:00",
    timeZone: "Europe/Berlin",
    durationMinutes: 60,
    format: "video",
  });
  meetingId = made.id;
  path = `/v1/matches/${matchId}/meetings/${meetingId}`;
  for (const who of ["tom", "mia"] as const) {
    const res = await w.send("PUT", `${path}/private-note`, who, { text: secrets[who] });
    expect(((await res.json()) as MeetingView).privateNote).toBe(secrets[who]);
  }
  const res = await w.send("PUT", `${path}/shared-notes`, "mia", { text: shared });
  expect(((await res.json()) as MeetingView).sharedNotes).toBe(shared);
  client = await integration(w, ["meetings:read", "meetings:write", "audit:read"]);
});
afterAll(() => w.h.close());

/** Every answer a caller can get that shows this meeting, as text. */
async function everyAnswer(
  send: (method: string, url: string, body?: unknown) => Promise<Response>,
) {
  const texts: string[] = [];
  const keep = async (res: Response) => {
    expect(res.status, res.url).toBeLessThan(300);
    texts.push(await res.text());
  };
  await keep(await send("GET", `/v1/matches/${matchId}/meetings`));
  await keep(await send("GET", path));
  await keep(await send("GET", `/v1/matches/${matchId}/meetings?status=scheduled`));
  return texts.join("\n");
}

const asMember = (who: string) => (method: string, url: string, body?: unknown) =>
  w.send(method, url, who, body);
const asClient = async (method: string, url: string, body?: unknown) =>
  w.h.request(url, {
    method,
    token: await client(),
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });

describe("private notes", () => {
  it("shows each author their own note and never the other person's", async () => {
    const tom = await everyAnswer(asMember("tom"));
    expect(tom).toContain(secrets.tom);
    expect(tom).not.toContain(secrets.mia);
    const mia = await everyAnswer(asMember("mia"));
    expect(mia).toContain(secrets.mia);
    expect(mia).not.toContain(secrets.tom);
  });

  it("never reaches a coordinator or an integration, on any route or in the audit log", async () => {
    const coordinator = await everyAnswer(asMember("coord"));
    const viaClient = await everyAnswer(asClient);
    // The answers to the changes an integration may make show the meeting too.
    w.clock.now = new Date("2030-05-01T11:00:00.000Z");
    const logged = await asClient("POST", `${path}/log`, { attendees: ["tom"], heldMinutes: 45 });
    expect(logged.status).toBe(200);
    const audit = await w.send("GET", "/v1/audit?limit=100", "coord");
    const clientAudit = await asClient("GET", "/v1/audit?limit=100");
    for (const text of [
      coordinator,
      viaClient,
      await logged.text(),
      await audit.text(),
      await clientAudit.text(),
    ]) {
      for (const secret of [secrets.tom, secrets.mia, shared]) expect(text).not.toContain(secret);
    }
    expect(coordinator).toContain(meetingId);
    w.clock.now = new Date("2030-05-01T09:00:00.000Z");
  });

  it("is written by its author only: coordinators and integrations are refused", async () => {
    await expectProblem(
      await w.send("PUT", `${path}/private-note`, "coord", { text: "peek" }),
      403,
      "forbidden",
    );
    await expectProblem(
      await asClient("PUT", `${path}/private-note`, { text: "peek" }),
      403,
      "forbidden",
    );
    await expectProblem(
      await asClient("PUT", `${path}/shared-notes`, { text: "peek" }),
      403,
      "forbidden",
    );
    await expectProblem(
      await w.send("PUT", `${path}/private-note`, "ula", { text: "peek" }),
      404,
      "not_found",
    );
  });

  it("never appears in the partner's calendar feed", async () => {
    const feed = (await (
      await w.send("POST", "/v1/me/calendar-feed", "mia")
    ).json()) as CalendarFeedView;
    const ics = await (await w.h.app.request(new URL(feed.url).pathname)).text();
    expect(ics).toContain(`${meetingId}@tandem`);
    for (const secret of [secrets.tom, secrets.mia, shared]) expect(ics).not.toContain(secret);
  });
});

describe("shared notes", () => {
  it("are read and written by both people of the pair", async () => {
    const res = await w.send("PUT", `${path}/shared-notes`, "tom", { text: `${shared} + more` });
    expect(((await res.json()) as MeetingView).sharedNotes).toBe(`${shared} + more`);
    const asMia = (await (await w.send("GET", path, "mia")).json()) as MeetingView;
    expect(asMia.sharedNotes).toBe(`${shared} + more`);
    const asCoordinator = (await (await w.send("GET", path, "coord")).json()) as MeetingView;
    expect(asCoordinator).toMatchObject({ sharedNotes: null, privateNote: null });
  });
});

import { describe, expect, it } from "vitest";
import { newSealKey, seal } from "../../../workers/shared/src/platform/seal";
import {
  openPreferenceLink,
  preferenceLinkToken,
} from "../../../workers/shared/src/security/preference-links";

// The preferences link's token: one member, one organization, one purpose, 90 days.
const key = newSealKey();
const now = new Date("2030-03-02T09:00:00Z");
const day = 86_400_000;
const token = () =>
  preferenceLinkToken((text) => seal(key, text), { slug: "acme", memberId: "m1", now });
const refused = (promise: Promise<unknown>) =>
  expect(promise).rejects.toMatchObject({ code: "unauthorized" });

describe("preference link tokens", () => {
  it("open to the member they were made for, in their organization, for 90 days", async () => {
    const t = await token();
    expect(t).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await openPreferenceLink(key, t, { slug: "acme", now })).toEqual({ memberId: "m1" });
    const late = new Date(now.getTime() + 90 * day - 1);
    expect(await openPreferenceLink(key, t, { slug: "acme", now: late })).toEqual({
      memberId: "m1",
    });
    await refused(
      openPreferenceLink(key, t, { slug: "acme", now: new Date(now.getTime() + 90 * day) }),
    );
  });

  it("refuse another organization, another key, a changed byte and garbage", async () => {
    const t = await token();
    await refused(openPreferenceLink(key, t, { slug: "other", now }));
    await refused(openPreferenceLink(newSealKey(), t, { slug: "acme", now }));
    // A character well inside the ciphertext: every one of its bits counts.
    const at = t.length - 10;
    const changed = `${t.slice(0, at)}${t[at] === "A" ? "B" : "A"}${t.slice(at + 1)}`;
    await refused(openPreferenceLink(key, changed, { slug: "acme", now }));
    for (const junk of ["", "v1", "v1..", "v2.a.b", "not a token", "v1.%%%.***"]) {
      await refused(openPreferenceLink(key, junk, { slug: "acme", now }));
    }
  });

  it("refuse a value sealed with the same key for another purpose", async () => {
    const sealed = await seal(
      key,
      JSON.stringify({
        purpose: "other",
        slug: "acme",
        memberId: "m1",
        expiresAt: now.getTime() + day,
      }),
    );
    await refused(openPreferenceLink(key, sealed, { slug: "acme", now }));
    const bare = await seal(key, "m1");
    await refused(openPreferenceLink(key, bare, { slug: "acme", now }));
  });
});

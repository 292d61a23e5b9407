import { decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import {
  generateSigningKey,
  loadSigningKeys,
  signAccessToken,
  verifyAccessToken,
} from "../../../workers/shared/src/security/access-tokens";

const audience = { issuer: "https://tandem.test", audience: "https://tandem.test" };
const claims = { memberId: "m1", tenantId: "t1", role: "member" as const };

describe("signing-key rotation", () => {
  it("signs with the first key and still accepts tokens of the previous one until it is dropped", async () => {
    const previous = await generateSigningKey("2026-01");
    const next = await generateSigningKey("2026-07");
    const before = await loadSigningKeys(JSON.stringify([previous]));
    const during = await loadSigningKeys(JSON.stringify([next, previous]));
    const after = await loadSigningKeys(JSON.stringify([next]));
    const now = new Date();

    const oldToken = await signAccessToken(before, audience, claims, now);
    const newToken = await signAccessToken(during, audience, claims, now);
    expect(decodeProtectedHeader(newToken).kid).toBe("2026-07");

    await expect(verifyAccessToken(during, audience, oldToken, now)).resolves.toMatchObject(claims);
    await expect(verifyAccessToken(during, audience, newToken, now)).resolves.toMatchObject(claims);
    await expect(verifyAccessToken(after, audience, oldToken, now)).rejects.toThrow(/invalid/);
    expect(during.publicJwks.map((k) => k.kid)).toEqual(["2026-07", "2026-01"]);
    expect(during.publicJwks.every((k) => !("d" in k))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  generateSigningKey,
  loadSigningKeys,
  signAccessToken,
  verifyAccessToken,
} from "../../../workers/shared/src/security/access-tokens";
import { VerifiedTokens } from "../../../workers/shared/src/security/verified-tokens";

describe("VerifiedTokens", () => {
  it("answers from a token's iat until just before its exp, never at or after it", () => {
    const cache = new VerifiedTokens<string>();
    cache.remember("t", "claims", 1_000, 61_000);
    expect(cache.get("t", 999)).toBeUndefined();
    cache.remember("t", "claims", 1_000, 61_000);
    expect(cache.get("t", 1_000)).toBe("claims");
    expect(cache.get("t", 60_999)).toBe("claims");
    expect(cache.get("t", 61_000)).toBeUndefined();
    // An expired entry is dropped, not kept around.
    expect(cache.size).toBe(0);
  });

  it("holds at most maxEntries tokens, dropping the oldest first", () => {
    const cache = new VerifiedTokens<number>(3);
    for (let i = 0; i < 5; i++) cache.remember(`token-${i}`, i, 0, 10_000);
    expect(cache.size).toBe(3);
    expect(cache.get("token-0", 1)).toBeUndefined();
    expect(cache.get("token-1", 1)).toBeUndefined();
    expect([2, 3, 4].map((i) => cache.get(`token-${i}`, 1))).toEqual([2, 3, 4]);
  });

  it("keys by the whole token: a token differing in one byte is not known", () => {
    const cache = new VerifiedTokens<string>();
    cache.remember("head.payload.signature", "claims", 0, 10_000);
    expect(cache.get("head.payload.signaturf", 1)).toBeUndefined();
  });
});

describe("verifyAccessToken with remembered tokens", () => {
  const audience = { issuer: "https://tandem.test", audience: "https://tandem.test" };
  const claims = { memberId: "m1", tenantId: "t1", role: "member" as const };

  it("does not answer for another issuer or audience from what it verified for one", async () => {
    const keys = await loadSigningKeys(JSON.stringify([await generateSigningKey("k1")]));
    const now = new Date();
    const token = await signAccessToken(keys, audience, claims, now);
    await expect(verifyAccessToken(keys, audience, token, now)).resolves.toMatchObject(claims);
    const elsewhere = { issuer: "https://other.test", audience: "https://other.test" };
    await expect(verifyAccessToken(keys, elsewhere, token, now)).rejects.toThrow(/invalid/);
  });

  it("hands out claims that cannot be changed for the next request", async () => {
    const keys = await loadSigningKeys(JSON.stringify([await generateSigningKey("k1")]));
    const now = new Date();
    const token = await signAccessToken(keys, audience, claims, now);
    const first = await verifyAccessToken(keys, audience, token, now);
    expect(() => Object.assign(first, { role: "admin" })).toThrow(TypeError);
    expect((await verifyAccessToken(keys, audience, token, now)).role).toBe("member");
  });
});

import * as v from "valibot";
import { afterEach, describe, expect, it, vi } from "vitest";
import { members } from "../../../db/tenant/schema";
import { newPassword } from "../../../workers/shared/src/contracts/common/passwords";
import {
  commonPasswordCount,
  isCommonPassword,
} from "../../../workers/shared/src/security/common-passwords";
import {
  hashPassword,
  maxPasswordIterations,
  needsRehash,
  PasswordHashError,
  passwordIterations,
  unmatchablePasswordHash,
  verifyPassword,
} from "../../../workers/shared/src/security/passwords";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { startHarness } from "../../support/node-harness";

const pepper = "unit-pepper-0123456789abcdef0123456789";
const password = "correct horse battery staple";

afterEach(() => vi.restoreAllMocks());

/** Every PBKDF2 iteration count handed to WebCrypto while `run` runs. */
async function iterationsUsedBy(run: () => Promise<unknown>): Promise<number[]> {
  const spy = vi.spyOn(crypto.subtle, "deriveBits");
  try {
    await run();
    return spy.mock.calls.map(([algorithm]) => (algorithm as Pbkdf2Params).iterations);
  } finally {
    spy.mockRestore();
  }
}

describe("hashing and verifying", () => {
  it("verifies the password it hashed, in the stored format", async () => {
    const stored = await hashPassword(password, pepper);
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword(password, stored, pepper)).toBe(true);
  });

  it("salts every hash, so the same password hashes differently", async () => {
    const [a, b] = await Promise.all([
      hashPassword(password, pepper),
      hashPassword(password, pepper),
    ]);
    expect(a).not.toBe(b);
  });

  it("refuses a wrong password", async () => {
    const stored = await hashPassword(password, pepper);
    expect(await verifyPassword("correct horse battery stapler", stored, pepper)).toBe(false);
    expect(await verifyPassword("", stored, pepper)).toBe(false);
  });

  it("refuses the right password under another pepper (a stolen DB is not enough)", async () => {
    const stored = await hashPassword(password, pepper);
    expect(await verifyPassword(password, stored, `${pepper}-other`)).toBe(false);
  });

  it("refuses a hash whose digest or salt was tampered with", async () => {
    const stored = await hashPassword(password, pepper);
    const [scheme, iterations, salt, hash] = stored.split("$") as [string, string, string, string];
    const flip = (part: string) => `${part[0] === "A" ? "B" : "A"}${part.slice(1)}`;
    expect(
      await verifyPassword(password, [scheme, iterations, salt, flip(hash)].join("$"), pepper),
    ).toBe(false);
    expect(
      await verifyPassword(password, [scheme, iterations, flip(salt), hash].join("$"), pepper),
    ).toBe(false);
    // Fewer iterations give another digest: parameters cannot be lowered to speed up guessing.
    expect(await verifyPassword(password, [scheme, "99999", salt, hash].join("$"), pepper)).toBe(
      false,
    );
  });

  it("throws on a hash it cannot read rather than calling it a mismatch", async () => {
    for (const stored of [
      "",
      "bcrypt$10$x$y",
      "pbkdf2-sha256$abc$AAAA$AAAA",
      "pbkdf2-sha256$1$$",
    ]) {
      await expect(verifyPassword(password, stored, pepper)).rejects.toThrow(PasswordHashError);
    }
  });

  it("no password matches the stand-in hash verified for unknown accounts", async () => {
    expect(await verifyPassword(password, unmatchablePasswordHash, pepper)).toBe(false);
    expect(needsRehash(unmatchablePasswordHash)).toBe(false);
  });
});

describe("the 100,000-iteration cap of Workers", () => {
  it("hashes at exactly the cap", async () => {
    expect(passwordIterations).toBeLessThanOrEqual(maxPasswordIterations);
    const used = await iterationsUsedBy(() => hashPassword(password, pepper));
    expect(used).toEqual([100_000]);
  });

  it("refuses a stored hash claiming 200,000 iterations without calling deriveBits", async () => {
    const stored = (await hashPassword(password, pepper)).replace("$100000$", "$200000$");
    const used = await iterationsUsedBy(() =>
      expect(verifyPassword(password, stored, pepper)).rejects.toThrow(PasswordHashError),
    );
    expect(used).toEqual([]);
  });

  it("refuses to hash above the cap without calling deriveBits", async () => {
    const used = await iterationsUsedBy(() =>
      expect(hashPassword(password, pepper, { iterations: 100_001 })).rejects.toThrow(
        /at most 100000/,
      ),
    );
    expect(used).toEqual([]);
  });

  it("a sign-in through the API stays within the cap; a 200,000 hash is refused", async () => {
    const h = await startHarness();
    try {
      await h.createTenant("capped");
      const tenant = await findTenantBySlug(h.platform.control, "capped");
      const db = await h.platform.connections.db(tenant);
      const now = new Date();
      const addMember = async (email: string, passwordHash: string) =>
        db.insert(members).values({
          id: crypto.randomUUID(),
          email,
          displayName: email,
          status: "active",
          passwordHash,
          createdAt: now,
          updatedAt: now,
        });
      const pepperOfHost = h.platform.passwordPepper;
      await addMember("ada@capped.example", await hashPassword(password, pepperOfHost));
      const inflated = (await hashPassword(password, pepperOfHost)).replace("$100000$", "$200000$");
      await addMember("eve@capped.example", inflated);
      const signIn = (email: string) =>
        h.request("/v1/orgs/capped/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password }),
        });

      let status = 0;
      const used = await iterationsUsedBy(async () => {
        status = (await signIn("ada@capped.example")).status;
      });
      expect(status).toBe(200);
      expect(used.length).toBeGreaterThan(0);
      expect(Math.max(...used)).toBeLessThanOrEqual(100_000);

      const refused = await iterationsUsedBy(async () => {
        status = (await signIn("eve@capped.example")).status;
      });
      expect(status).toBe(401);
      expect(refused).toEqual([]);
    } finally {
      await h.close();
    }
  }, 30_000);
});

describe("needsRehash", () => {
  it("is false for a hash made with today's parameters", async () => {
    expect(needsRehash(await hashPassword(password, pepper))).toBe(false);
  });

  it("is true for older parameters and for unreadable hashes", async () => {
    expect(needsRehash(await hashPassword(password, pepper, { iterations: 10_000 }))).toBe(true);
    expect(needsRehash("bcrypt$10$x$y")).toBe(true);
  });
});

describe("password policy", () => {
  const problems = (candidate: unknown) => {
    const result = v.safeParse(newPassword, candidate);
    return result.success ? [] : result.issues.map((i) => i.message);
  };

  it("accepts a long, uncommon password", () => {
    expect(problems("violet tandem river 42")).toEqual([]);
    expect(problems("x".repeat(200))).toEqual([]);
  });

  it("refuses fewer than 10 or more than 200 characters", () => {
    expect(problems("short1!")).toEqual(["Password must be at least 10 characters."]);
    expect(problems("x".repeat(201))).toEqual(["Password must be at most 200 characters."]);
  });

  it("refuses common passwords whatever their case", () => {
    expect(problems("Password123")).toEqual([
      "That password is too common; choose one that is harder to guess.",
    ]);
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(commonPasswordCount).toBeGreaterThan(300);
  });

  it("refuses what is not text", () => {
    expect(problems(1234567890)).toEqual(["Password must be text."]);
  });
});

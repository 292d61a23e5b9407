import { describe, expect, it } from "vitest";
import { newSealKey, seal, unseal } from "../../../workers/shared/src/platform/seal";

const token = "eyJhbGciOiJFZERTQSJ9.tenant-db-token.signature";

describe("sealing tenant database tokens", () => {
  it("unseals what it sealed with the same key", async () => {
    const key = newSealKey();
    const sealed = await seal(key, token);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(token);
    expect(await unseal(key, sealed)).toBe(token);
  });

  it("seals the same token differently each time (fresh IV)", async () => {
    const key = newSealKey();
    const [a, b] = await Promise.all([seal(key, token), seal(key, token)]);
    expect(a).not.toBe(b);
    expect(await unseal(key, a)).toBe(token);
    expect(await unseal(key, b)).toBe(token);
  });

  it("refuses a sealed value whose ciphertext was tampered with", async () => {
    const key = newSealKey();
    const [version, iv, cipher] = (await seal(key, token)).split(".") as [string, string, string];
    const bytes = Buffer.from(cipher, "base64");
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    const tampered = [version, iv, bytes.toString("base64")].join(".");
    await expect(unseal(key, tampered)).rejects.toThrow();
  });

  it("refuses a sealed value whose IV was swapped", async () => {
    const key = newSealKey();
    const [version, , cipher] = (await seal(key, token)).split(".");
    const otherIv = Buffer.alloc(12, 1).toString("base64");
    await expect(unseal(key, [version, otherIv, cipher].join("."))).rejects.toThrow();
  });

  it("refuses to unseal with a different key", async () => {
    const sealed = await seal(newSealKey(), token);
    await expect(unseal(newSealKey(), sealed)).rejects.toThrow();
  });

  it("refuses values that are not in the sealed format", async () => {
    const key = newSealKey();
    await expect(unseal(key, token)).rejects.toThrow("Unrecognised sealed value");
    await expect(unseal(key, "v2.abc.def")).rejects.toThrow("Unrecognised sealed value");
  });

  it("explains a key of the wrong length", async () => {
    const short = Buffer.alloc(16).toString("base64");
    const message = "DB_TOKEN_KEY must be 32 bytes, base64-encoded";
    await expect(seal(short, token)).rejects.toThrow(message);
    const sealed = await seal(newSealKey(), token);
    await expect(unseal(Buffer.alloc(33).toString("base64"), sealed)).rejects.toThrow(message);
  });

  it("makes 32-byte keys in base64", () => {
    const key = newSealKey();
    expect(key).toHaveLength(44);
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(newSealKey()).not.toBe(key);
  });
});

import { generateKeyPair, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { describeError, jsonLogger, redact } from "../../../workers/shared/src/platform/log";

describe("redact", () => {
  it.each([
    ["libsql URL", "libsql://acme-tandem.turso.io?authToken=abc", "acme-tandem"],
    ["https URL", "https://api.turso.tech/v1/organizations/org/databases", "api.turso.tech"],
    ["wss URL", "wss://acme.turso.io/v2", "acme.turso.io"],
    ["file: URL with an absolute path", "file:/srv/tandem/tenants/acme.db", "acme.db"],
    ["file:// URL", "file:///srv/tandem/tenants/acme.db", "acme.db"],
    ["relative file: URL", "file:data/tenants/acme.db", "acme.db"],
  ])("strips a %s", (_what, url, secretPart) => {
    const out = redact(`could not open ${url} (refused)`);
    expect(out).toBe("could not open [redacted-url] (refused)");
    expect(out).not.toContain(secretPart);
  });

  it("strips bearer tokens but keeps the scheme word", () => {
    const out = redact("sent Authorization: Bearer eyJhbGci.OiJFZERTQSJ9-x_y~z+/= upstream");
    expect(out).toBe("sent Authorization: Bearer [redacted] upstream");
  });

  it("strips every URL and token in one text", () => {
    const out = redact(
      'libsql://a.turso.io and "https://b.example/x" and file:/tmp/c.db, bearer tok123',
    );
    expect(out).not.toMatch(/turso|b\.example|c\.db|tok123/);
  });

  it("leaves ordinary text alone", () => {
    const text = 'Tenant "acme" awaits migration; retrying later (attempt 2/3).';
    expect(redact(text)).toBe(text);
  });
});

describe("describeError", () => {
  it("prefixes the error code and redacts the message", () => {
    const err = Object.assign(new Error("cannot open file:/srv/t/acme.db"), {
      code: "SQLITE_CANTOPEN",
    });
    expect(describeError(err)).toBe("SQLITE_CANTOPEN: cannot open [redacted-url]");
  });

  it("does not print an empty code as a prefix", () => {
    const err = Object.assign(new Error("ConnectionFailed"), { code: "" });
    expect(describeError(err)).toBe("ConnectionFailed");
  });

  it("hides the file the native driver could not open", () => {
    const err = new Error(
      'ConnectionFailed("Unable to open connection to local database /srv/data/acme.db: 14")',
    );
    expect(describeError(err)).toBe(
      'ConnectionFailed("Unable to open connection to local database [redacted-path]: 14")',
    );
  });

  it("names a refused claim in words, never as [object Object] and never with the payload", async () => {
    const { privateKey, publicKey } = await generateKeyPair("EdDSA");
    const token = await new SignJWT({ email: "ada@example.com" })
      .setProtectedHeader({ alg: "EdDSA" })
      .setIssuedAt(1_000)
      .setExpirationTime(1_060)
      .sign(privateKey);
    const err = await jwtVerify(token, publicKey).catch((e: unknown) => e);
    const text = describeError(err);
    expect(text).toBe(
      'ERR_JWT_EXPIRED: "exp" claim timestamp check failed <- claim exp: check_failed',
    );
    expect(text).not.toContain("ada@example.com");
  });

  it("describes a plain-object cause by its text fields only", () => {
    const err = new Error("refused", { cause: { reason: "too old", secret: "s3cr3t" } });
    expect(describeError(err)).toBe("refused <- too old");
    expect(describeError(new Error("refused", { cause: { secret: "s3cr3t" } }))).toBe("refused");
  });

  it("describes thrown non-errors", () => {
    expect(describeError("boom at libsql://x.turso.io")).toBe("boom at [redacted-url]");
  });
});

describe("jsonLogger", () => {
  it("writes one JSON object per line with a redacted message", () => {
    const lines: string[] = [];
    const log = jsonLogger((line) => lines.push(line), { service: "test" });
    log.warn("retrying libsql://acme.turso.io", { tenantId: "t1" });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: "warn",
      msg: "retrying [redacted-url]",
      service: "test",
      tenantId: "t1",
    });
    expect(typeof entry.time).toBe("string");
  });
});

import { describe, expect, it } from "vitest";
import {
  apiEnvSchema,
  readEnv,
  schedulerEnvSchema,
} from "../../../workers/shared/src/platform/env";

const dbTokenKey = Buffer.alloc(32, 7).toString("base64");
const valid = {
  CONTROL_DB_URL: "libsql://control-tandem.turso.io",
  CONTROL_DB_TOKEN: "control-token-value",
  DB_TOKEN_KEY: dbTokenKey,
  PUBLIC_URL: "https://tandem.example",
  SIGNING_KEYS: '[{"kid":"k1"}]',
  OPERATOR_TOKEN: "operator-token-0123456789abcdef-xyz",
  PASSWORD_PEPPER: "pepper-0123456789abcdef-0123456789abcdef",
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected readEnv to throw");
}

describe("readEnv", () => {
  it("returns a valid environment, keeping variables it does not know", () => {
    const env = readEnv(apiEnvSchema, { ...valid, EXTRA_BINDING: "x" });
    expect(env.PUBLIC_URL).toBe("https://tandem.example");
    expect(env.OPERATOR_TOKEN).toBe(valid.OPERATOR_TOKEN);
    expect((env as Record<string, unknown>).EXTRA_BINDING).toBe("x");
  });

  it("names every missing variable in one message", () => {
    const message = messageOf(() => readEnv(apiEnvSchema, {}));
    expect(message).toMatch(/^Invalid environment: /);
    for (const name of [
      "CONTROL_DB_URL",
      "DB_TOKEN_KEY",
      "PUBLIC_URL",
      "SIGNING_KEYS",
      "OPERATOR_TOKEN",
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toContain("SIGNING_KEYS is required.");
    expect(message).not.toContain("CONTROL_DB_TOKEN");
    expect(message).not.toContain("TURSO_");
  });

  it("names every malformed variable without echoing secret values", () => {
    const secrets = {
      CONTROL_DB_URL: "not-a-url-secret-91f2",
      DB_TOKEN_KEY: Buffer.from("short-secret-7c3d").toString("base64"),
      SIGNING_KEYS: "k",
      OPERATOR_TOKEN: "op-secret-55aa",
      TURSO_API_URL: "turso-secret-e8e8",
    };
    const message = messageOf(() =>
      readEnv(apiEnvSchema, {
        ...valid,
        ...secrets,
        CONTROL_DB_TOKEN: "",
        TURSO_API_TOKEN: "",
        TURSO_ORG: 918273645,
      }),
    );
    for (const name of [
      "CONTROL_DB_URL",
      "DB_TOKEN_KEY",
      "SIGNING_KEYS",
      "OPERATOR_TOKEN",
      "TURSO_API_URL",
      "CONTROL_DB_TOKEN",
      "TURSO_API_TOKEN",
      "TURSO_ORG",
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain("PUBLIC_URL");
    expect(message).not.toContain("918273645");
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
    expect(message).not.toContain(valid.CONTROL_DB_TOKEN);
  });

  it("refuses a DB_TOKEN_KEY that is not base64 or not 32 bytes", () => {
    expect(messageOf(() => readEnv(apiEnvSchema, { ...valid, DB_TOKEN_KEY: "!!!" }))).toContain(
      "DB_TOKEN_KEY must be base64.",
    );
    const short = Buffer.alloc(16).toString("base64");
    expect(messageOf(() => readEnv(apiEnvSchema, { ...valid, DB_TOKEN_KEY: short }))).toContain(
      "DB_TOKEN_KEY must encode 32 bytes",
    );
  });

  it("asks the scheduler only for the control database, seal key and public URL", () => {
    const env = readEnv(schedulerEnvSchema, {
      CONTROL_DB_URL: valid.CONTROL_DB_URL,
      DB_TOKEN_KEY: dbTokenKey,
      PUBLIC_URL: "https://tandem.example.com",
    });
    expect(env.CONTROL_DB_URL).toBe(valid.CONTROL_DB_URL);
    const message = messageOf(() => readEnv(schedulerEnvSchema, {}));
    expect(message).toContain("CONTROL_DB_URL");
    expect(message).toContain("DB_TOKEN_KEY");
    expect(message).toContain("PUBLIC_URL");
    expect(message).not.toContain("OPERATOR_TOKEN");
  });
});

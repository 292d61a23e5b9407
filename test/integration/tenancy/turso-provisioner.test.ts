import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ProvisioningError } from "../../../workers/shared/src/platform/provisioning";
import {
  databaseNameFor,
  TursoProvisioner,
} from "../../../workers/shared/src/platform/turso-provisioner";

// Turso itself is out of reach in tests, so a local server plays its Platform API: it records
// what we sent and answers from a script each test sets.
const API_TOKEN = "platform-token-3f9c1d-never-print-me";
const ORG = "tandem-org";
const GROUP = "eu-west";

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
}
interface Reply {
  status: number;
  /** Sent as JSON; use `raw` for bodies that are not. */
  json?: unknown;
  raw?: string;
}

let server: Server;
let apiUrl: string;
let seen: Seen[];
let script: Reply[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      seen.push({
        method: req.method ?? "",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      });
      const reply = script.shift() ?? { status: 599, json: { error: "unscripted request" } };
      const payload = reply.raw ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
      res.writeHead(reply.status, { "content-type": "application/json" }).end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  script = [];
});

const provisioner = (url = apiUrl) =>
  new TursoProvisioner({ apiUrl: url, organization: ORG, group: GROUP, apiToken: API_TOKEN });

const created = (name: string) => ({
  status: 200,
  json: { database: { DbId: "0eb771dd-6906", Hostname: `${name}-${ORG}.turso.io`, Name: name } },
});

/** Awaits a rejection and checks the parts every ProvisioningError must get right. */
async function refusal(promise: Promise<unknown>): Promise<ProvisioningError> {
  const err = await promise.then(
    () => expect.fail("expected a ProvisioningError"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProvisioningError);
  const message = (err as ProvisioningError).message;
  expect(message).not.toContain(API_TOKEN);
  expect(message).not.toContain("eyJ");
  return err as ProvisioningError;
}

describe("TursoProvisioner.createDatabase", () => {
  it("creates the database in the group and mints a never-expiring token for it", async () => {
    script = [created("tandem-acme"), { status: 200, json: { jwt: "eyJhbGciOi.payload.sig" } }];

    const db = await provisioner().createDatabase("acme");

    expect(db).toEqual({
      url: `libsql://tandem-acme-${ORG}.turso.io`,
      authToken: "eyJhbGciOi.payload.sig",
    });
    expect(seen).toHaveLength(2);
    const [create, mint] = seen;
    expect(create).toMatchObject({
      method: "POST",
      path: `/v1/organizations/${ORG}/databases`,
      query: {},
      body: { name: "tandem-acme", group: GROUP },
    });
    expect(create?.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
    expect(create?.headers["content-type"]).toBe("application/json");
    expect(mint).toMatchObject({
      method: "POST",
      path: `/v1/organizations/${ORG}/databases/tandem-acme/auth/tokens`,
      // No `expiration`: Turso's default is never.
      query: { authorization: "full-access" },
      body: undefined,
    });
    expect(mint?.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
  });

  it("reports Turso's refusal with its status, message and the name; mints nothing", async () => {
    script = [{ status: 409, json: { error: "database already exists" } }];

    const err = await refusal(provisioner().createDatabase("acme"));

    expect(err.upstreamStatus).toBe(409);
    expect(err.message).toBe(
      'Turso refused to create database "tandem-acme": 409 database already exists',
    );
    expect(seen.map((r) => r.method)).toEqual(["POST"]);
  });

  it("deletes the new database again when minting its token fails", async () => {
    script = [
      created("tandem-acme"),
      { status: 500, json: { error: "internal error" } },
      { status: 200, json: {} },
    ];

    const err = await refusal(provisioner().createDatabase("acme"));

    expect(err.upstreamStatus).toBe(500);
    expect(err.message).toContain('mint a token for database "tandem-acme"');
    expect(err.message).toContain("500 internal error");
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1/organizations/${ORG}/databases`,
      `POST /v1/organizations/${ORG}/databases/tandem-acme/auth/tokens`,
      `DELETE /v1/organizations/${ORG}/databases/tandem-acme`,
    ]);
    expect(seen[2]?.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
  });

  it("says so when removing the half-made database fails too", async () => {
    script = [
      created("tandem-acme"),
      { status: 500, json: { error: "internal error" } },
      { status: 503, raw: "<html>upstream down</html>" },
    ];

    const err = await refusal(provisioner().createDatabase("acme"));

    expect(err.upstreamStatus).toBe(500);
    expect(err.message).toContain("500 internal error");
    expect(err.message).toContain(
      'removing it again failed: Turso refused to delete database "tandem-acme": 503',
    );
  });

  it("treats a 200 without a Hostname as a failure and removes what was made", async () => {
    script = [
      { status: 200, json: { database: { Name: "tandem-acme" } } },
      { status: 200, json: {} },
    ];

    const err = await refusal(provisioner().createDatabase("acme"));

    expect(err.message).toContain('create database "tandem-acme"');
    expect(seen.map((r) => r.method)).toEqual(["POST", "DELETE"]);
  });

  it("treats a token answer without a jwt as a failure", async () => {
    script = [created("tandem-acme"), { status: 200, raw: "not json" }, { status: 404 }];

    const err = await refusal(provisioner().createDatabase("acme"));

    expect(err.message).toContain("mint a token");
    expect(seen.map((r) => r.method)).toEqual(["POST", "POST", "DELETE"]);
  });

  it("turns a network failure into a ProvisioningError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const err = await refusal(provisioner(deadUrl).createDatabase("acme"));

    expect(err.message).toBe(
      'Could not reach Turso to create database "tandem-acme": ECONNREFUSED',
    );
    expect(err.upstreamStatus).toBeUndefined();
    await refusal(provisioner(deadUrl).deleteDatabase("acme"));
  });

  it("never repeats the API token, even when Turso echoes it", async () => {
    script = [{ status: 401, json: { error: `token ${API_TOKEN} is not valid` } }];

    const err = await refusal(provisioner().createDatabase("acme"));

    expect(err.upstreamStatus).toBe(401);
    expect(err.message).toContain("token [redacted] is not valid");
  });

  it("rejects a slug that cannot be a Turso database name without calling Turso", async () => {
    await refusal(provisioner().createDatabase("Acme Corp"));
    expect(seen).toEqual([]);
  });

  it("keeps database names within Turso's 32 characters, distinct for long slugs", () => {
    const a = databaseNameFor("school-of-engineering-and-applied-science");
    const b = databaseNameFor("school-of-engineering-and-applied-maths");
    expect(a.length).toBeLessThanOrEqual(32);
    expect(b.length).toBeLessThanOrEqual(32);
    expect(a).not.toBe(b);
    expect(databaseNameFor("acme")).toBe("tandem-acme");
  });
});

describe("TursoProvisioner.deleteDatabase", () => {
  it("deletes the tenant's database", async () => {
    script = [{ status: 200, json: { database: "tandem-acme" } }];

    await expect(provisioner().deleteDatabase("acme")).resolves.toBeUndefined();

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: "DELETE",
      path: `/v1/organizations/${ORG}/databases/tandem-acme`,
    });
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
  });

  it("counts a database that is already gone as deleted", async () => {
    script = [{ status: 404, json: { error: "database not found" } }];

    await expect(provisioner().deleteDatabase("acme")).resolves.toBeUndefined();
  });

  it("reports any other refusal", async () => {
    script = [{ status: 403, json: { error: "forbidden" } }];

    const err = await refusal(provisioner().deleteDatabase("acme"));

    expect(err.upstreamStatus).toBe(403);
    expect(err.message).toBe('Turso refused to delete database "tandem-acme": 403 forbidden');
  });
});

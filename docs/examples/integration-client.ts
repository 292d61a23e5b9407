/**
 * An integration calling Tandem with JWTs it signs itself (see "Integration clients" in the
 * README). Against a running host (`npm start`):
 *
 *   npx tsx docs/examples/integration-client.ts
 *     first run: makes an ES256 key pair and prints the public JWK to register
 *   TANDEM_CLIENT_ID=cli_… npx tsx docs/examples/integration-client.ts
 *     then: signs a one-minute assertion and lists the organization's members
 *
 * TANDEM_URL is where the API is reached and must equal its PUBLIC_URL, which is the audience
 * Tandem expects (default http://localhost:8787). The private key stays in TANDEM_KEY_FILE.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from "jose";

/** A new signing key; `kid` is its RFC 7638 thumbprint, the kid Tandem would assign anyway. */
export async function newClientKey(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" },
    publicJwk: { ...publicJwk, kid, alg: "ES256", use: "sig" },
  };
}

/** One assertion per request: a fresh jti each time, since Tandem refuses any jti twice. */
export async function clientAssertion(opts: {
  clientId: string;
  privateJwk: JWK;
  audience: string;
}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: opts.privateJwk.kid!, typ: "JWT" })
    .setIssuer(opts.clientId)
    .setSubject(opts.clientId)
    .setAudience(opts.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 60) // at most 300 s after iat
    .setJti(crypto.randomUUID())
    .sign(await importJWK(opts.privateJwk, "ES256"));
}

/** GET /v1/members as the integration; needs the `members:read` scope. */
export async function listMembers(opts: {
  apiUrl: string;
  clientId: string;
  privateJwk: JWK;
  fetch?: typeof fetch;
}): Promise<{ status: number; body: unknown }> {
  const token = await clientAssertion({ ...opts, audience: opts.apiUrl });
  const res = await (opts.fetch ?? fetch)(`${opts.apiUrl}/v1/members?limit=10`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

async function main() {
  const apiUrl = (process.env.TANDEM_URL ?? "http://localhost:8787").replace(/\/+$/, "");
  const keyFile = process.env.TANDEM_KEY_FILE ?? ".tmp/tandem-integration-key.json";
  const clientId = process.env.TANDEM_CLIENT_ID;
  if (!existsSync(keyFile)) {
    const { privateJwk, publicJwk } = await newClientKey();
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    console.log(`Private key written to ${keyFile}. Register the public key as an admin:\n`);
    const body = { name: "Example integration", scopes: ["members:read"], jwk: publicJwk };
    console.log(
      `curl -s -X POST ${apiUrl}/v1/clients -H "authorization: Bearer $ADMIN_TOKEN" ` +
        `-H "content-type: application/json" -d '${JSON.stringify(body)}'\n`,
    );
    console.log("Then run again with TANDEM_CLIENT_ID set to the id it answers.");
    return;
  }
  if (!clientId) {
    console.error("Set TANDEM_CLIENT_ID to the id Tandem gave the registered client.");
    process.exitCode = 2;
    return;
  }
  const privateJwk = JSON.parse(readFileSync(keyFile, "utf8")) as JWK;
  const { status, body } = await listMembers({ apiUrl, clientId, privateJwk });
  console.log(status, JSON.stringify(body, null, 2));
  if (status !== 200) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}

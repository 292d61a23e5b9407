import { exportJWK } from "jose";
import * as v from "valibot";
import {
  type ClientJwk,
  clientJwkSchema,
  toClientJwk,
} from "../../workers/shared/src/security/client-keys";

/** A public key as the registry stores it, made the way registering a client makes it. */
export async function storedJwk(publicKey: CryptoKey, kid: string): Promise<ClientJwk> {
  const jwk = await exportJWK(publicKey);
  const alg = jwk.kty === "OKP" ? "EdDSA" : jwk.kty === "EC" ? "ES256" : "RS256";
  return toClientJwk(v.parse(clientJwkSchema, { ...jwk, kid, alg, use: "sig" }), []);
}

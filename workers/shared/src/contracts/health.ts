import * as v from "valibot";
import { timestamp } from "./common/json";

/** The public routes: liveness, the keys that verify access tokens, the OpenAPI document. */

export const healthAnswer = v.object({ status: v.literal("ok"), time: timestamp });

/** The platform's Ed25519 public keys, the current one first, then those being retired. */
export const publicJwks = v.object({
  keys: v.array(
    v.object({
      kty: v.literal("OKP"),
      crv: v.literal("Ed25519"),
      kid: v.string(),
      x: v.string(),
      alg: v.literal("EdDSA"),
      use: v.literal("sig"),
    }),
  ),
});

/** This API's own description; its schema is OpenAPI 3.1's, not repeated here. */
export const openApiDocumentAnswer = v.looseObject({
  openapi: v.string(),
  info: v.looseObject({ title: v.string(), version: v.string() }),
  paths: v.record(v.string(), v.unknown()),
});

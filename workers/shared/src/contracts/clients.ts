import * as v from "valibot";
import { clientAlgorithms, clientJwkSchema } from "../security/client-keys";
import { timestamp } from "./common/json";
import { list } from "./common/pagination";
import { clientScopes } from "./scopes";

/** Integration clients: what an admin registers, and how a client is shown. */

const scopeList = clientScopes.join(", ");

export const registerClientInput = v.pipe(
  v.object({
    name: v.pipe(
      v.string("Name is required."),
      v.trim(),
      v.minLength(1, "Name cannot be empty."),
      v.maxLength(100, "Name can be at most 100 characters."),
    ),
    scopes: v.pipe(
      v.array(v.picklist(clientScopes, `Unknown scope; use ${scopeList}.`), "scopes is required."),
      v.minLength(1, "Grant at least one scope."),
      v.transform((scopes) => [...new Set(scopes)]),
    ),
    jwk: v.optional(clientJwkSchema),
    jwksUrl: v.optional(
      v.pipe(
        v.string("JWKS URL must be text."),
        v.maxLength(2000, "JWKS URL can be at most 2000 characters."),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [["jwk"], ["jwksUrl"]],
      (input) => (input.jwk === undefined) !== (input.jwksUrl === undefined),
      "Send exactly one of jwk and jwksUrl.",
    ),
    ["jwk"],
  ),
);
export type RegisterClientInput = v.InferOutput<typeof registerClientInput>;

/** The successor key of a rotation; the retired one is removed by its kid afterwards. */
export const addClientKeyInput = v.object({ jwk: clientJwkSchema });
export type AddClientKeyInput = v.InferOutput<typeof addClientKeyInput>;

/** A client as admins see it: its public keys by kid, never their key material. */
export const clientView = v.object({
  id: v.string(),
  name: v.string(),
  scopes: v.array(v.picklist(clientScopes)),
  status: v.picklist(["active", "revoked"]),
  keys: v.array(
    v.object({
      kid: v.string(),
      kty: v.picklist(["EC", "OKP", "RSA"]),
      alg: v.picklist(clientAlgorithms),
    }),
  ),
  jwksUrl: v.nullable(v.string()),
  createdAt: timestamp,
  revokedAt: v.nullable(timestamp),
});
export type ClientView = v.InferOutput<typeof clientView>;
export const clientList = list(clientView);
export type ClientList = v.InferOutput<typeof clientList>;

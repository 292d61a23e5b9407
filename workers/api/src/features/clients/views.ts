import type { IntegrationClient } from "../../../../../db/control/schema";
import type { ClientView } from "../../../../shared/src/contracts/clients";

export function clientView(client: IntegrationClient): ClientView {
  return {
    id: client.id,
    name: client.name,
    scopes: client.scopes,
    status: client.status,
    keys: (client.jwks ?? []).map(({ kid, kty, alg }) => ({ kid, kty, alg })),
    jwksUrl: client.jwksUrl,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}

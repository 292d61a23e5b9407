import { and, eq } from "drizzle-orm";
import { type IntegrationClient, integrationClients } from "../../../../../db/control/schema";
import type { AddClientKeyInput, ClientView } from "../../../../shared/src/contracts/clients";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import { authorize } from "../../../../shared/src/security/actor";
import {
  type ClientJwk,
  maxClientKeys,
  toClientJwk,
} from "../../../../shared/src/security/client-keys";
import { type AuditEntry, heldAuditInsert, releaseAudit } from "../audit";
import type { ClientsCtx } from "./context";
import { findClient } from "./registry";
import { clientView } from "./views";

/**
 * The keys a rotation may change (add the successor, then remove the retired key): only an
 * active client's own; keys from a JWKS URL rotate there instead.
 */
function ownKeys(client: IntegrationClient): ClientJwk[] {
  if (client.status !== "active") {
    throw new AppError("conflict", "This API client is revoked; register a new one.");
  }
  if (client.jwksUrl) {
    throw new AppError(
      "conflict",
      "This API client's keys come from its JWKS URL; change them there.",
    );
  }
  return client.jwks ?? [];
}

/**
 * Writes a client's new key list and its audit entry unless someone else changed the client
 * since it was read; a lost update could bring back a removed key. updated_at is the version,
 * kept strictly increasing.
 */
async function saveKeys(
  ctx: ClientsCtx,
  client: IntegrationClient,
  jwks: ClientJwk[],
  audit: AuditEntry,
) {
  const updatedAt = new Date(Math.max(ctx.now.getTime(), client.updatedAt.getTime() + 1));
  const saved = await ctx.control.transaction(async (tx) => {
    const [row] = await tx
      .update(integrationClients)
      .set({ jwks, updatedAt })
      .where(
        and(
          eq(integrationClients.id, client.id),
          eq(integrationClients.updatedAt, client.updatedAt),
          eq(integrationClients.status, "active"),
        ),
      )
      .returning();
    if (row) await heldAuditInsert(ctx, tx, audit);
    return row;
  });
  if (!saved) throw new AppError("conflict", "The API client changed meanwhile; retry.");
  await releaseAudit(ctx);
  return saved;
}

type KeyChange = { keys: ClientJwk[]; detail: Record<string, unknown> };

/** Reads the client's own keys, saves what `change` makes of them and audits it as `action`. */
async function changeKeys(
  ctx: ClientsCtx,
  clientId: string,
  action: string,
  change: (keys: ClientJwk[]) => KeyChange | Promise<KeyChange>,
): Promise<ClientView> {
  const client = await findClient(ctx, clientId);
  const { keys, detail } = await change(ownKeys(client));
  const saved = await saveKeys(ctx, client, keys, {
    action,
    subjectType: "client",
    subjectId: client.id,
    detail,
  });
  return clientView(saved);
}

export async function addClientKey({
  ctx,
  clientId,
  input,
}: {
  ctx: ClientsCtx;
  clientId: string;
  input: AddClientKeyInput;
}): Promise<ClientView> {
  authorize(ctx.actor, "clients:manage");
  return changeKeys(ctx, clientId, "client.add_key", async (keys) => {
    const jwk = await toClientJwk(input.jwk, ctx.platformKeys);
    if (keys.some((key) => key.kid === jwk.kid)) {
      throw new AppError("conflict", `This API client already has a key with kid "${jwk.kid}".`);
    }
    if (keys.length >= maxClientKeys) {
      throw new AppError(
        "conflict",
        `An API client holds at most ${maxClientKeys} keys; remove a retired one first.`,
      );
    }
    return { keys: [jwk, ...keys], detail: { kid: jwk.kid, alg: jwk.alg } };
  });
}

export async function removeClientKey({
  ctx,
  clientId,
  kid,
}: {
  ctx: ClientsCtx;
  clientId: string;
  kid: string;
}): Promise<ClientView> {
  authorize(ctx.actor, "clients:manage");
  return changeKeys(ctx, clientId, "client.remove_key", (keys) => {
    const remaining = keys.filter((key) => key.kid !== kid);
    if (remaining.length === keys.length) {
      throw new AppError("not_found", `This API client has no key with kid "${kid}".`);
    }
    if (remaining.length === 0) {
      throw new AppError(
        "conflict",
        "An API client keeps at least one key; add its successor first.",
      );
    }
    return { keys: remaining, detail: { kid } };
  });
}

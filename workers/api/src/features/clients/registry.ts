import { and, asc, eq } from "drizzle-orm";
import { type IntegrationClient, integrationClients } from "../../../../../db/control/schema";
import type { ClientView, RegisterClientInput } from "../../../../shared/src/contracts/clients";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import { authorize } from "../../../../shared/src/security/actor";
import { jwksUrlProblem, toClientJwk } from "../../../../shared/src/security/client-keys";
import { invalidField } from "../../http/invalid-field";
import { heldAuditInsert, releaseAudit } from "../audit";
import type { ClientsCtx } from "./context";
import { clientView } from "./views";

/** One of this tenant's clients; another tenant's id is as unknown as a made-up one. */
export async function findClient(ctx: ClientsCtx, clientId: string): Promise<IntegrationClient> {
  const [client] = await ctx.control
    .select()
    .from(integrationClients)
    .where(
      and(eq(integrationClients.id, clientId), eq(integrationClients.tenantId, ctx.tenant.id)),
    );
  if (!client) throw new AppError("not_found", "No such API client in this organization.");
  return client;
}

export async function listClients({ ctx }: { ctx: ClientsCtx }): Promise<{ items: ClientView[] }> {
  authorize(ctx.actor, "clients:manage");
  const rows = await ctx.control
    .select()
    .from(integrationClients)
    .where(eq(integrationClients.tenantId, ctx.tenant.id))
    .orderBy(asc(integrationClients.createdAt), asc(integrationClients.id));
  return { items: rows.map(clientView) };
}

export async function registerClient({
  ctx,
  input,
}: {
  ctx: ClientsCtx;
  input: RegisterClientInput;
}): Promise<ClientView> {
  authorize(ctx.actor, "clients:manage");
  if (input.jwksUrl !== undefined) {
    const problem = jwksUrlProblem(input.jwksUrl, ctx.jwksHostAllowlist);
    if (problem) throw invalidField("jwksUrl", problem);
  }
  const jwk = input.jwk ? await toClientJwk(input.jwk, ctx.platformKeys) : null;
  const id = `cli_${crypto.randomUUID().replaceAll("-", "")}`;
  const [[client]] = await ctx.control.batch([
    ctx.control
      .insert(integrationClients)
      .values({
        id,
        tenantId: ctx.tenant.id,
        name: input.name,
        scopes: input.scopes,
        jwks: jwk ? [jwk] : null,
        jwksUrl: input.jwksUrl ?? null,
        status: "active",
        createdBy: ctx.actor.kind === "member" ? ctx.actor.memberId : null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(),
    heldAuditInsert(ctx, ctx.control, {
      action: "client.register",
      subjectType: "client",
      subjectId: id,
      detail: { name: input.name, scopes: input.scopes, kid: jwk?.kid, jwksUrl: input.jwksUrl },
    }),
  ]);
  await releaseAudit(ctx);
  return clientView(client!);
}

export async function revokeClient({
  ctx,
  clientId,
}: {
  ctx: ClientsCtx;
  clientId: string;
}): Promise<ClientView> {
  authorize(ctx.actor, "clients:manage");
  const client = await findClient(ctx, clientId);
  // Revoking twice changes nothing and records nothing new.
  if (client.status === "revoked") return clientView(client);
  const [[revoked]] = await ctx.control.batch([
    ctx.control
      .update(integrationClients)
      .set({ status: "revoked", revokedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(integrationClients.id, client.id))
      .returning(),
    heldAuditInsert(ctx, ctx.control, {
      action: "client.revoke",
      subjectType: "client",
      subjectId: client.id,
      detail: { name: client.name },
    }),
  ]);
  await releaseAudit(ctx);
  return clientView(revoked!);
}

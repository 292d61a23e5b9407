import type { Tenant } from "../../../../db/control/schema";
import type { SigningKeys, TokenAudience } from "../security/access-tokens";
import type { TenantDirectory } from "../tenancy/tenant-directory";
import type { BackgroundTasks } from "./background";
import type { ConnectDb, ControlDb } from "./db";
import type { Logger } from "./log";
import type { MailTransport } from "./mail";
import type { Provisioner } from "./provisioning";
import type { TenantConnections } from "./tenant-connections";

/**
 * Sweep this tenant for what is due at this tick (and deliver its outbox). Messages from
 * before the outbox carry no `kind`; they are sweeps.
 */
export interface TenantSweep {
  kind?: "sweep";
  tenantId: string;
  /** ISO time of the cron tick that produced the message. */
  tick: string;
  /**
   * Whether to look at every active match and run the day-granularity jobs (the hourly sweep)
   * or only at what is due. Absent (a message from an older build): full.
   */
  full?: boolean;
}

/** Deliver this tenant's outbox now: sent after a request wrote rows to it. */
export interface TenantDelivery {
  kind: "deliver";
  tenantId: string;
}

/** What the scheduler's queue carries. */
export type SchedulerMessage = TenantSweep | TenantDelivery;

export function deliveryMessage(tenantId: string): { body: TenantDelivery } {
  return { body: { kind: "deliver", tenantId } };
}

/** The subset of Cloudflare's Queue that Tandem uses; the Node host implements it in-process. */
export interface SweepQueue {
  sendBatch(messages: Iterable<{ body: SchedulerMessage }>): Promise<void>;
}

/**
 * Everything that differs between the Worker and the Node host, built once per isolate or
 * process at the entry point. Routes and services receive it and import no runtime.
 */
export interface Platform {
  control: ControlDb;
  tenants: TenantDirectory;
  connections: TenantConnections;
  connect: ConnectDb;
  /** Null where no provisioning backend is configured (the API then refuses to create tenants). */
  provisioner: Provisioner | null;
  signingKeys: SigningKeys;
  tokenAudience: TokenAudience;
  /** Where the API and web client are reached; links in emails start here. */
  publicUrl: string;
  /** HMAC key mixed into every password hash, so a stolen database alone cracks nothing. */
  passwordPepper: string;
  /** Used by the outbox's deliverer only; requests write outbox rows instead. */
  mail: MailTransport;
  /** Work that finishes after the response (see background.ts). */
  background: BackgroundTasks;
  /** Hosts an integration's JWKS URL may point at; empty means JWKS URLs are refused. */
  jwksHostAllowlist: readonly string[];
  /** Whether webhook targets may be local (http://localhost, 127.0.0.1): dev and tests only. */
  allowLocalWebhooks: boolean;
  /** The caller's address as this host can know it (for rate limits and the audit log). */
  clientIp(request: Request, env: unknown): string | null;
  /**
   * Adds headers every answer carries (request id, security headers) to this request's
   * answer; a header the answer already has is kept. The Node host writes them onto its
   * socket's response (see host/answer-headers.ts).
   */
  setAnswerHeaders(
    response: Response,
    env: unknown,
    headers: Readonly<Record<string, string>>,
  ): void;
  operatorToken: string;
  sealKey: string;
  sweeps: SweepQueue;
  now: () => Date;
  log: Logger;
}

export type { Tenant };

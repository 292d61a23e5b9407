import { asc } from "drizzle-orm";
import { expect } from "vitest";
import { type OutboxRow, outbox } from "../../db/tenant/schema";
import { enqueueSweeps } from "../../workers/scheduler/src/sweep";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import type { SchedulerMessage } from "../../workers/shared/src/platform/platform";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { type MailProvider, startMailProvider } from "./mail-provider";
import { type Harness, startHarness } from "./node-harness";

/** A harness whose email goes to a local provider stand-in, with a clock the test moves. */
export interface OutboxHarness extends Harness {
  provider: MailProvider;
  clock: { now: Date; advance(ms: number): void };
  org(slug: string): Promise<{ token: string; db: TenantDb; tenantId: string }>;
  /** POST /v1/members/invitations as the org's admin; the invitation's id. */
  invite(token: string, email: string): Promise<string>;
  rows(db: TenantDb): Promise<OutboxRow[]>;
  /** A cron tick at the clock's time: sweeps (and so delivers) every active tenant. */
  sweep(): Promise<void>;
  /**
   * From now on the API's nudges are kept here instead of reaching the queue, as if the
   * process died right after answering. Returns what was asked for; `restore` undoes it.
   */
  holdNudges(): { held: SchedulerMessage[]; restore(): void };
}

export async function startOutboxHarness(): Promise<OutboxHarness> {
  const provider = await startMailProvider();
  let current = new Date("2031-06-01T09:00:00.000Z");
  const clock = {
    get now() {
      return current;
    },
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
  const base = await startHarness({ env: provider.env, now: () => clock.now });
  const h = base as OutboxHarness;
  const close = base.close;
  h.provider = provider;
  h.clock = clock;
  h.org = async (slug) => {
    await h.createTenant(slug, `${slug} University`);
    const tenant = await findTenantBySlug(h.platform.control, slug);
    const token = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
    return { token, db: await h.platform.connections.db(tenant), tenantId: tenant.id };
  };
  h.invite = async (token, email) => {
    const res = await h.request("/v1/members/invitations", {
      method: "POST",
      token,
      body: JSON.stringify({ email }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  h.rows = (db) => db.select().from(outbox).orderBy(asc(outbox.createdAt), asc(outbox.key));
  h.sweep = async () => {
    await enqueueSweeps(h.platform.control, h.queue, clock.now);
    await h.deliver();
  };
  h.holdNudges = () => {
    const real = h.platform.sweeps;
    const held: SchedulerMessage[] = [];
    h.platform.sweeps = {
      async sendBatch(messages) {
        for (const { body } of messages) held.push(body);
      },
    };
    const restore = () => {
      h.platform.sweeps = real;
    };
    return { held, restore };
  };
  h.close = async () => {
    await close();
    await provider.close();
  };
  return h;
}

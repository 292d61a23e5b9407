import cliProgress from "cli-progress";
import { loadHostConfig } from "../../host/config";
import { DevMailbox } from "../../host/dev-mailbox";
import { nodePlatform } from "../../host/platform";
import { AppError } from "../../workers/shared/src/contracts/common/errors";
import { parseInput } from "../../workers/shared/src/contracts/common/validate";
import { memberEmail } from "../../workers/shared/src/contracts/members";
import type { TenantSummary } from "../../workers/shared/src/contracts/operator";
import { silentLogger } from "../../workers/shared/src/platform/log";
import {
  createTenant,
  findTenantBySlug,
  listTenants,
  migrateTenants,
  type OperatorCtx,
  setTenantStatus,
} from "../../workers/shared/src/tenancy/tenants";
import type { Values } from "./args";
import { printDemo } from "./demo-report";
import { type AdminInvitation, inviteAdmin, printInvitation, printLinkBase } from "./invite-admin";
import { seedDemo } from "./seed";

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const noQueue = { sendBatch: async () => {} };

function row(t: TenantSummary): string {
  return [
    t.slug.padEnd(24),
    t.kind.padEnd(11),
    t.status.padEnd(10),
    `v${t.schemaVersion}`,
    t.name,
  ].join(" ");
}

export async function runCommand(command: string, values: Values, io: Io): Promise<number> {
  // Checked before anything is opened, so a mistyped address creates no tenant.
  const adminEmail =
    typeof values["admin-email"] === "string" ? checkedEmail(values["admin-email"]) : null;
  const config = await loadHostConfig();
  const platform = await nodePlatform(config, noQueue, silentLogger);
  const ctx: OperatorCtx = { ...platform, actor: `cli:${process.env.USER ?? "operator"}` };
  try {
    switch (command) {
      case "tenant create": {
        const tenant = await createTenant(ctx, {
          slug: values.slug,
          name: values.name,
          kind: values.kind,
        });
        if (!adminEmail) {
          io.out(values.json ? JSON.stringify(tenant) : `created ${row(tenant)}`);
          if (!values.json) {
            io.out("It has no admin yet; invite one, who gets a link to sign in with:");
            io.out(`  npx tandem tenant invite-admin --slug ${tenant.slug} --admin-email <email>`);
          }
          return 0;
        }
        if (!values.json) io.out(`created ${row(tenant)}`);
        let invitation: AdminInvitation;
        try {
          invitation = await inviteAdmin(platform, ctx.actor, tenant.slug, adminEmail);
        } catch (err) {
          const retry = `tandem tenant invite-admin --slug ${tenant.slug} --admin-email ${adminEmail}`;
          if (values.json) io.out(JSON.stringify(tenant));
          io.err("the tenant was created, but inviting its first admin failed; once fixed, run:");
          io.err(`  ${retry}`);
          throw err;
        }
        if (values.json) io.out(JSON.stringify({ ...tenant, invitation }));
        else {
          printLinkBase(io, config);
          printInvitation(io, invitation, tenant, true);
        }
        return 0;
      }
      case "tenant invite-admin": {
        const tenant = await findTenantBySlug(platform.control, String(values.slug));
        const invitation = await inviteAdmin(platform, ctx.actor, tenant.slug, adminEmail!);
        if (values.json) io.out(JSON.stringify(invitation));
        else {
          printLinkBase(io, config);
          printInvitation(io, invitation, tenant, false);
        }
        return 0;
      }
      case "tenant list": {
        const all = await listTenants(platform.control);
        if (values.json) io.out(JSON.stringify(all));
        else for (const t of all) io.out(row(t));
        return 0;
      }
      case "tenant suspend":
      case "tenant resume": {
        const status = command === "tenant suspend" ? "suspended" : "active";
        io.out(row(await setTenantStatus(ctx, String(values.slug), status)));
        return 0;
      }
      case "migrate":
        return await migrate(platform, Number(values.concurrency ?? 4), io);
      case "mail list": {
        if (!(platform.mail instanceof DevMailbox)) {
          io.err("mail list reads the dev mailbox; this host sends through an email provider.");
          return 1;
        }
        const to = String(values.to ?? "");
        const mail = platform.mail.list({ to, limit: 20 });
        if (values.json) io.out(JSON.stringify(mail));
        else if (mail.length === 0) io.out(`No emails${to ? ` to ${to}` : ""} in the dev mailbox.`);
        else for (const m of mail) io.out(`${m.sentAt}  ${m.to}  ${m.subject}\n${m.text}\n`);
        return 0;
      }
      case "seed demo":
        printLinkBase(io, config);
        printDemo(io, await seedDemo({ ...platform, actor: ctx.actor }));
        return 0;
    }
    return 2;
  } finally {
    platform.close();
  }
}

function checkedEmail(raw: string): string {
  try {
    return parseInput(memberEmail, raw);
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, `--admin-email: ${err.message}`);
    throw err;
  }
}

async function migrate(
  platform: Awaited<ReturnType<typeof nodePlatform>>,
  concurrency: number,
  io: Io,
): Promise<number> {
  // nodePlatform already brought the control DB up to date before anything else ran.
  const bar = new cliProgress.SingleBar(
    { format: "tenants [{bar}] {value}/{total} {slug}", hideCursor: true, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const report = await migrateTenants(platform.control, platform.connections, {
    concurrency,
    onProgress(done, total, slug) {
      if (!started) bar.start(total, 0, { slug: "" });
      started = true;
      bar.update(done, { slug });
    },
  });
  if (started) bar.stop();
  io.out(`control database up to date; ${report.migrated.length} tenant(s) migrated`);
  for (const f of report.failed) io.err(`failed: ${f.slug}: ${f.error}`);
  return report.failed.length > 0 ? 1 : 0;
}

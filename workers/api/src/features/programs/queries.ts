import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { programs } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { ProgramStatus, ProgramView } from "../../../../shared/src/contracts/programs";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { type Actor, can } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, idKey, pageOf } from "../../http/pagination";
import { programView } from "./views";

export type Program = typeof programs.$inferSelect;

/** What members without programs:read may browse: the programs they can join or are in. */
const joinable: ProgramStatus[] = ["open", "running"];

/**
 * The statuses the actor may see, or null for all. Plain members browse joinable programs;
 * integrations need programs:read like any other read.
 */
function visibleStatuses(actor: Actor): ProgramStatus[] | null {
  if (can(actor, "programs:read")) return null;
  if (actor.kind === "member") return joinable;
  throw new AppError("forbidden", 'This API client lacks the "programs:read" scope.');
}

const notFound = (id: string) => new AppError("not_found", `No program has the id "${id}".`);

/** Another tenant's ids are simply absent: each tenant has its own database. */
export async function findProgram(db: Pick<TenantDb, "select">, id: string): Promise<Program> {
  const [program] = await db.select().from(programs).where(eq(programs.id, id));
  if (!program) throw notFound(id);
  return program;
}

export async function listPrograms({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined; status?: ProgramStatus | undefined };
}): Promise<Page<ProgramView>> {
  const visible = visibleStatuses(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(programs)
    .where(
      and(
        input.cursor ? gt(programs.id, decodeCursor(input.cursor, idKey)[0]) : undefined,
        input.status ? eq(programs.status, input.status) : undefined,
        visible ? inArray(programs.status, visible) : undefined,
      ),
    )
    .orderBy(asc(programs.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.id]);
  return { ...page, items: page.items.map(programView) };
}

/** A program the actor may not see answers 404, as if it did not exist. */
export async function getProgram({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<ProgramView> {
  const visible = visibleStatuses(ctx.actor);
  const program = await findProgram(ctx.db, input.id);
  if (visible && !visible.includes(program.status)) throw notFound(input.id);
  return programView(program);
}

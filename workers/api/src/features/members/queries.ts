import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Member, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { MemberStatus, MemberView } from "../../../../shared/src/contracts/members";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { reusedStatement } from "../../../../shared/src/platform/reused-statements";
import { textRows } from "../../../../shared/src/platform/text-rows";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, idKey, pageOf } from "../../http/pagination";

const viewColumns = {
  id: members.id,
  email: members.email,
  displayName: members.displayName,
  role: members.role,
  status: members.status,
  timeZone: members.timeZone,
};

/** The member list's statement for one combination of filters, built once per database. */
const listStatement = (filter: { after: boolean; status: boolean }) => (db: TenantDb) =>
  db
    .select(viewColumns)
    .from(members)
    .where(
      and(
        filter.after ? gt(members.id, sql.placeholder("after")) : undefined,
        filter.status ? eq(members.status, sql.placeholder("status")) : undefined,
      ),
    )
    .orderBy(asc(members.id))
    .limit(sql.placeholder("limit"))
    .prepare();

const listStatements = {
  all: listStatement({ after: false, status: false }),
  after: listStatement({ after: true, status: false }),
  status: listStatement({ after: false, status: true }),
  afterAndStatus: listStatement({ after: true, status: true }),
};

export async function listMembers({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined; status?: MemberStatus | undefined };
}): Promise<Page<MemberView>> {
  authorize(ctx.actor, "members:read");
  const after = input.cursor ? decodeCursor(input.cursor, idKey)[0] : undefined;
  const { status } = input;
  const build =
    after === undefined
      ? status === undefined
        ? listStatements.all
        : listStatements.status
      : status === undefined
        ? listStatements.after
        : listStatements.afterAndStatus;
  const statement = reusedStatement(ctx.db, build);
  const values = { after, status, limit: input.limit + 1 };
  const rows = await textRows(ctx.db.$client, statement, viewColumns, values);
  return pageOf(rows, input.limit, (last) => [last.id]);
}

/** Another tenant's ids are simply absent: each tenant has its own database. */
export async function findMember(db: TenantDb, id: string): Promise<Member> {
  const [member] = await db.select().from(members).where(eq(members.id, id));
  if (!member) throw new AppError("not_found", `No member has the id "${id}".`);
  return member;
}

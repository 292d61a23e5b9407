/**
 * drizzle statements built once per database handle and then reused. Building a query (its
 * SQL text, parameter list and result mapping) costs more CPU than SQLite spends running a
 * primary-key lookup, so the statements every request runs are built once: values vary
 * through `sql.placeholder`. Keyed by the handle, so a client evicted after a connection error
 * takes its statements with it; keyed within it by the builder function, one per statement.
 */
const built = new WeakMap<object, Map<(db: never) => unknown, unknown>>();

export function reusedStatement<Db extends object, Statement>(
  db: Db,
  build: (db: Db) => Statement,
): Statement {
  let statements = built.get(db);
  if (!statements) {
    statements = new Map();
    built.set(db, statements);
  }
  let statement = statements.get(build) as Statement | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(build, statement);
  }
  return statement;
}

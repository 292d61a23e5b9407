/**
 * A test-only stand-in for sqld/Turso: "Hrana over HTTP" (protocol v2 and v3, JSON encoding)
 * served with node:http on top of local libSQL files, `<dir>/<name>.db` per database name.
 *
 * URL shape: `http://127.0.0.1:PORT/<name>/`, trailing slash included; use `databaseUrl(name)`.
 * @libsql/client resolves "v2/pipeline" against the configured URL (`new URL(path, base)`), so
 * a path prefix survives only if it ends in "/": `.../<name>` would post to `/v2/pipeline`,
 * which this gateway answers with a 404 that says so. Host-based routing (`<name>.localhost`) is
 * not an option because `*.localhost` does not resolve in this environment.
 *
 * Behaviour copied from libsql-server (sqld), which is what Turso runs:
 * - every stream is its own SQLite connection, so an interactive transaction stays on it;
 *   a pipeline without a baton opens a stream, each response hands out a new single-use baton,
 *   `close` ends the stream (baton null), and a stream idle for 10 s expires (rolled back);
 * - protocol violations answer the whole request with 400 text/plain, an expired stream with
 *   500 `{message, code: "STREAM_EXPIRED"}`, a failing request or batch step with an error result;
 * - a wrong token gets 401 `{message, code: "AUTH_FAILED"}`: the protocol's error object, which
 *   @libsql/hrana-client's `errorFromResponse` turns into an error carrying that code (a body
 *   without `message` becomes a bare HTTP error). Assumed from that decoder and from what was
 *   seen against a real server; sqld's own source was not at hand;
 * - SQLite errors carry only the primary code (`SQLITE_CONSTRAINT`, never `..._UNIQUE`);
 * - affected_row_count is set only for INSERT/UPDATE/DELETE, last_insert_rowid only for INSERT.
 * Deliberate gaps: no protobuf, no `/v3/cursor`, no lock stealing after sqld's txn timeout (a
 * busy writer just waits up to `busyTimeoutMs`), rows_read/rows_written are approximations.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "libsql";
import type { Provisioner } from "../../workers/shared/src/platform/provisioning";
import {
  errorFromSqlite,
  extendedCodeOf,
  HranaError,
  isReadonlyVerb,
  ProtocolError,
  type SqlValue,
  splitStatements,
  valueFromHrana,
  valueToHrana,
  writeKind,
} from "./hrana-values";

export interface GatewayRequest {
  path: string;
  /** Stream request types of a pipeline, in order; empty for anything else. */
  types: string[];
  /** The baton the request continued, or null when it opened a new stream. */
  baton: string | null;
  status: number;
}

export interface LibsqlGateway {
  /** `http://127.0.0.1:PORT`; not a database URL by itself. */
  url: string;
  token: string;
  /** The URL to hand to @libsql/client for database `name`. */
  databaseUrl(name: string): string;
  /** Everything answered so far, oldest first. */
  requests: GatewayRequest[];
  /** While down, every request's socket is destroyed so clients see a connection error. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export interface LibsqlGatewayOptions {
  /** Folder holding `<name>.db` files. */
  dir: string;
  /** Bearer token every pipeline must carry; random by default. */
  token?: string;
  /** Create `<name>.db` on first use instead of answering 404 like Turso does. */
  createMissing?: boolean;
  streamIdleMs?: number;
  busyTimeoutMs?: number;
  /**
   * How a missing or wrong token is refused: 401 with the protocol's error object
   * `{message, code: "AUTH_FAILED"}` (the default), or 401 with a bare `{error}` body.
   */
  authFailure?: "protocol" | "bare";
}

type Db = InstanceType<typeof Database>;
type Json = Record<string, unknown>;

interface Stream {
  id: string;
  seq: number;
  name: string;
  db: Db | null;
  sqls: Map<number, string>;
  inUse: boolean;
  timer?: NodeJS.Timeout;
}

interface Query {
  sql: string;
  verb: string;
  args: SqlValue[] | Record<string, SqlValue>;
}

type Cond = { type: "ok" | "error"; step: number } | { type: "not"; cond: Cond } | AndOr | IsAc;
type AndOr = { type: "and" | "or"; conds: Cond[] };
type IsAc = { type: "is_autocommit" };

class StreamExpired extends Error {}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RESERVED = new Set(["v1", "v2", "v3", "v3-protobuf", "health", "version"]);

/** A Provisioner whose tenant databases live behind this gateway, as they would on Turso. */
export function gatewayProvisioner(gateway: LibsqlGateway): Provisioner {
  return {
    createDatabase: async (slug) => ({ url: gateway.databaseUrl(slug), authToken: gateway.token }),
    deleteDatabase: async () => {},
  };
}

export async function startLibsqlGateway(opts: LibsqlGatewayOptions): Promise<LibsqlGateway> {
  const token = opts.token ?? randomUUID();
  const idleMs = opts.streamIdleMs ?? 10_000;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5_000;
  const streams = new Map<string, Stream>();
  const expired = new Set<string>();
  const walTried = new Set<string>();
  const requests: GatewayRequest[] = [];
  let down = false;

  const server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    void route(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, "text/plain", String(e));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://gateway").pathname;
    const record: GatewayRequest = { path, types: [], baton: null, status: 0 };
    requests.push(record);
    const reply = (status: number, type: string, body: string) => {
      record.status = status;
      send(res, status, type, body);
    };
    const rawBody = await readBody(req);
    const m = /^\/([^/]+)\/(.*)$/.exec(path);
    if (!m || RESERVED.has(m[1]!) || !NAME.test(m[1]!)) {
      const hint = "no database name in the path; use databaseUrl(name) (trailing slash)";
      return reply(404, "text/plain", `${hint}: ${path}`);
    }
    const name = m[1]!;
    const rest = m[2]!;
    if (req.method === "GET") {
      if (rest === "")
        return reply(200, "text/plain", "Hello, this is HTTP API v2 (Hrana over HTTP)");
      if (rest === "v2" || rest === "v3") return reply(200, "text/plain", "");
      return reply(404, "text/plain", "Not found");
    }
    const version = rest === "v2/pipeline" ? 2 : rest === "v3/pipeline" ? 3 : 0;
    if (req.method !== "POST" || version === 0) {
      return reply(404, "text/plain", `Not supported by the test gateway: ${req.method} ${path}`);
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      const refusal =
        opts.authFailure === "bare"
          ? { error: "Unauthorized" }
          : { message: "Authentication failed", code: "AUTH_FAILED" };
      return reply(401, "application/json", JSON.stringify(refusal));
    }
    const file = join(opts.dir, `${name}.db`);
    if (!opts.createMissing && !existsSync(file)) {
      const error = `Namespace \`${name}\` doesn't exist`;
      return reply(404, "application/json", JSON.stringify({ error }));
    }
    try {
      const body = parseBody(rawBody);
      record.baton = typeof body.baton === "string" ? body.baton : null;
      record.types = body.requests.map((r) => String((r as Json | null)?.type));
      const out = await pipeline(name, file, version, record.baton, body.requests);
      reply(200, "application/json", JSON.stringify(out));
    } catch (e) {
      if (e instanceof ProtocolError) return reply(400, "text/plain", e.message);
      if (!(e instanceof StreamExpired)) throw e;
      const error = { message: "The stream has expired due to inactivity", code: "STREAM_EXPIRED" };
      reply(500, "application/json", JSON.stringify(error));
    }
  }

  async function pipeline(
    name: string,
    file: string,
    version: number,
    baton: string | null,
    reqs: unknown[],
  ): Promise<Json> {
    const stream = baton === null ? openStream(name, file) : acquire(baton, name);
    const results: Json[] = [];
    try {
      for (const r of reqs) results.push(await handle(stream, r as Json, version));
    } catch (e) {
      // sqld drops the stream (and its transaction) when a request breaks the protocol.
      closeStream(stream);
      throw e;
    }
    stream.inUse = false;
    if (stream.db === null) {
      streams.delete(stream.id);
      return { baton: null, base_url: null, results };
    }
    stream.seq++;
    stream.timer = setTimeout(() => expire(stream), idleMs).unref();
    return { baton: `${stream.id}.${stream.seq}`, base_url: null, results };
  }

  function openStream(name: string, file: string): Stream {
    const db = new Database(file);
    if (!walTried.has(file)) {
      walTried.add(file);
      // sqld keeps its databases in WAL mode; it also lets readers run beside a writer here.
      try {
        db.exec("PRAGMA journal_mode=WAL");
      } catch {}
    }
    const stream: Stream = {
      id: randomBytes(16).toString("hex"),
      seq: 0,
      name,
      db,
      sqls: new Map(),
      inUse: true,
    };
    streams.set(stream.id, stream);
    return stream;
  }

  function acquire(baton: string, name: string): Stream {
    const [id = "", seq] = baton.split(".");
    if (expired.has(id)) throw new StreamExpired();
    const stream = streams.get(id);
    if (!stream || stream.name !== name) throw new ProtocolError("Received an invalid baton");
    if (stream.inUse || String(stream.seq) !== seq) {
      throw new ProtocolError("Received a baton that has already been used");
    }
    clearTimeout(stream.timer);
    stream.inUse = true;
    return stream;
  }

  function closeStream(stream: Stream) {
    clearTimeout(stream.timer);
    stream.db?.close();
    stream.db = null;
    streams.delete(stream.id);
  }

  function expire(stream: Stream) {
    if (stream.inUse) return;
    closeStream(stream);
    expired.add(stream.id);
  }

  async function handle(stream: Stream, r: Json, version: number): Promise<Json> {
    try {
      return { type: "ok", response: { type: r.type, ...(await respond(stream, r, version)) } };
    } catch (e) {
      if (!(e instanceof HranaError)) throw e;
      return { type: "error", error: { message: e.message, code: e.code } };
    }
  }

  async function respond(stream: Stream, r: Json, version: number): Promise<Json> {
    switch (r.type) {
      case "close":
        closeStream(stream);
        return {};
      case "execute": {
        const db = dbOf(stream);
        return { result: await runQuery(db, toQuery(stream, r.stmt), busyTimeoutMs) };
      }
      case "batch":
        return { result: await runBatch(dbOf(stream), stream, r.batch, version, busyTimeoutMs) };
      case "sequence": {
        const db = dbOf(stream);
        for (const s of splitStatements(sqlOf(stream, r))) {
          await runQuery(db, { sql: s.sql, verb: s.verb, args: [] }, busyTimeoutMs);
        }
        return {};
      }
      case "describe":
        return { result: describe(dbOf(stream), sqlOf(stream, r)) };
      case "store_sql": {
        const id = r.sql_id as number;
        if (typeof r.sql !== "string") throw new ProtocolError("store_sql needs `sql`");
        if (stream.sqls.has(id)) throw new ProtocolError(`SQL text ${id} already exists`);
        if (stream.sqls.size >= 50) {
          const message = `The server already stores ${stream.sqls.size} SQL texts`;
          throw new HranaError(message, "SQL_STORE_TOO_MANY");
        }
        if (Buffer.byteLength(r.sql) > 5000) {
          throw new HranaError("The statement is too large to be stored", "SQL_STORE_TOO_LARGE");
        }
        stream.sqls.set(id, r.sql);
        return {};
      }
      case "close_sql":
        stream.sqls.delete(r.sql_id as number);
        return {};
      case "get_autocommit":
        if (version < 3) throw notSupported("The `get_autocommit` request");
        return { is_autocommit: !dbOf(stream).inTransaction };
      default:
        throw new ProtocolError("StreamRequest type not recognized");
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token,
    databaseUrl: (name) => `${url}/${encodeURIComponent(name)}/`,
    requests,
    setDown(value) {
      down = value;
    },
    async close() {
      for (const stream of [...streams.values()]) closeStream(stream);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function dbOf(stream: Stream): Db {
  if (!stream.db) throw new ProtocolError("Stream for this baton was closed");
  return stream.db;
}

function sqlOf(stream: Stream, r: Json): string {
  const hasSql = typeof r.sql === "string";
  const hasId = typeof r.sql_id === "number";
  if (hasSql && hasId) throw new ProtocolError("Either `sql` or `sql_id` are required, not both");
  if (hasSql) return r.sql as string;
  if (!hasId) throw new ProtocolError("Either `sql` or `sql_id` are required");
  const sql = stream.sqls.get(r.sql_id as number);
  if (sql === undefined) throw new ProtocolError(`SQL text ${r.sql_id} not found`);
  return sql;
}

function toQuery(stream: Stream, raw: unknown): Query {
  const stmt = (raw ?? {}) as Json;
  const statements = splitStatements(sqlOf(stream, stmt));
  if (statements.length === 0) {
    throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  }
  if (statements.length > 1) {
    throw new HranaError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
  }
  const { sql, verb } = statements[0]!;
  const positional = Array.isArray(stmt.args) ? stmt.args : [];
  const named = Array.isArray(stmt.named_args) ? (stmt.named_args as Json[]) : [];
  if (positional.length > 0 && named.length > 0) {
    const message = "Specifying both positional and named arguments is not supported";
    throw new HranaError(message, "ARGS_BOTH_POSITIONAL_AND_NAMED");
  }
  if (named.length === 0) return { sql, verb, args: positional.map(valueFromHrana) };
  // The driver matches names without their sigil; clients may send either form.
  const args = Object.fromEntries(
    named.map((a) => [String(a.name).replace(/^[:@$]/, ""), valueFromHrana(a.value)]),
  );
  return { sql, verb, args };
}

async function runQuery(db: Db, q: Query, busyMs: number): Promise<Json> {
  const started = performance.now();
  const stmt = await retryBusy(() => db.prepare(q.sql), "prepare", busyMs);
  stmt.safeIntegers(true);
  const cols = stmt.columns().map((c) => ({ name: c.name, decltype: c.type }));
  // Retrying must reuse this statement: a step that failed with SQLITE_BUSY stays active until
  // the driver finalizes it on GC, and an active write statement blocks COMMIT.
  const rows = await retryBusy(
    () => {
      if (stmt.reader) return stmt.raw(true).all(q.args) as unknown[][];
      stmt.run(q.args);
      return [];
    },
    "step",
    busyMs,
  );
  const kind = writeKind(q.verb);
  let affected = 0;
  let lastInsertRowid: string | null = null;
  if (kind !== null) {
    const [changes, rowid] = db
      .prepare("SELECT changes(), last_insert_rowid()")
      .safeIntegers(true)
      .raw(true)
      .get() as [bigint, bigint];
    affected = Number(changes);
    if (kind === "insert") lastInsertRowid = rowid.toString();
  }
  return {
    cols,
    rows: rows.map((row) => row.map(valueToHrana)),
    affected_row_count: affected,
    last_insert_rowid: lastInsertRowid,
    rows_read: rows.length,
    rows_written: affected,
    query_duration_ms: performance.now() - started,
  };
}

/**
 * SQLite's own busy_timeout would block the event loop, and with it the stream that holds the
 * lock, so waiting for a lock happens here. BUSY_SNAPSHOT (517) never clears by waiting.
 */
async function retryBusy<T>(fn: () => T, phase: "prepare" | "step", busyMs: number) {
  const deadline = Date.now() + busyMs;
  for (;;) {
    try {
      return fn();
    } catch (e) {
      const code = extendedCodeOf(e);
      if (code === undefined || (code & 0xff) !== 5 || code === 517 || Date.now() > deadline) {
        throw errorFromSqlite(e, phase);
      }
    }
    await sleep(10);
  }
}

async function runBatch(
  db: Db,
  stream: Stream,
  raw: unknown,
  version: number,
  busyMs: number,
): Promise<Json> {
  const steps = (((raw ?? {}) as Json).steps ?? []) as Json[];
  if (!Array.isArray(steps)) throw new ProtocolError("batch.steps must be an array");
  // Like sqld, the whole batch is checked before any step runs.
  const program = steps.map((s, i) => ({
    query: toQuery(stream, s.stmt),
    cond: s.condition == null ? null : toCond(s.condition, i, version),
  }));
  const ok: boolean[] = [];
  const stepResults: (Json | null)[] = [];
  const stepErrors: (Json | null)[] = [];
  for (const { query, cond } of program) {
    let result: Json | null = null;
    let error: Json | null = null;
    if (cond === null || evalCond(cond, ok, !db.inTransaction)) {
      try {
        result = await runQuery(db, query, busyMs);
      } catch (e) {
        if (!(e instanceof HranaError)) throw e;
        error = { message: e.message, code: e.code };
      }
    }
    ok.push(result !== null);
    stepResults.push(result);
    stepErrors.push(error);
  }
  return { step_results: stepResults, step_errors: stepErrors };
}

function toCond(raw: unknown, stepIndex: number, version: number): Cond {
  const c = (raw ?? {}) as Json;
  switch (c.type) {
    case "ok":
    case "error": {
      const step = c.step;
      if (typeof step !== "number" || step < 0 || step >= stepIndex) {
        throw new ProtocolError("Invalid reference to step in a batch condition");
      }
      return { type: c.type, step };
    }
    case "not":
      return { type: "not", cond: toCond(c.cond, stepIndex, version) };
    case "and":
    case "or": {
      const conds = Array.isArray(c.conds) ? c.conds : [];
      return { type: c.type, conds: conds.map((x) => toCond(x, stepIndex, version)) };
    }
    case "is_autocommit":
      if (version < 3) throw notSupported("BatchCond of type `is_autocommit`");
      return { type: "is_autocommit" };
    default:
      throw new ProtocolError("BatchCond type not recognized");
  }
}

function describe(db: Db, sql: string): Json {
  const [s] = splitStatements(sql);
  if (!s) throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  let cols: Json[];
  try {
    cols = db
      .prepare(s.sql)
      .columns()
      .map((c) => ({ name: c.name, decltype: c.type }));
  } catch (e) {
    throw errorFromSqlite(e, "prepare");
  }
  return {
    params: s.params.map((name) => ({ name })),
    cols,
    is_explain: s.verb === "EXPLAIN",
    is_readonly: isReadonlyVerb(s.verb),
  };
}

/** sqld's `eval_cond`: a step that was skipped counts as not ok, so `error` holds for it. */
function evalCond(c: Cond, ok: boolean[], isAutocommit: boolean): boolean {
  switch (c.type) {
    case "ok":
      return ok[c.step] === true;
    case "error":
      return ok[c.step] !== true;
    case "not":
      return !evalCond(c.cond, ok, isAutocommit);
    case "and":
      return c.conds.every((x) => evalCond(x, ok, isAutocommit));
    case "or":
      return c.conds.some((x) => evalCond(x, ok, isAutocommit));
    case "is_autocommit":
      return isAutocommit;
  }
}

function notSupported(what: string): ProtocolError {
  return new ProtocolError(`${what} is only supported in protocol version hrana3 and higher`);
}

function parseBody(raw: string): { baton?: unknown; requests: unknown[] } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ProtocolError(`Cannot deserialize client message from JSON: ${String(e)}`);
  }
  const requests = (body as Json | null)?.requests;
  if (!Array.isArray(requests)) {
    throw new ProtocolError("Cannot deserialize client message from JSON: missing `requests`");
  }
  return { baton: (body as Json).baton, requests };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type }).end(body);
}

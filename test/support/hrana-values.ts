/**
 * The SQLite side of the test gateway (./libsql-gateway.ts): translating Hrana values and errors
 * to and from the `libsql` driver, and the little SQL text analysis that sqld does with its own
 * parser (statement splitting, INSERT/UPDATE/DELETE detection, parameter names).
 */

export type HranaValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

/** What the `libsql` driver binds and returns with safe integers on. */
export type SqlValue = null | bigint | number | string | Uint8Array;

/** The client broke the protocol; sqld answers the whole HTTP request with 400. */
export class ProtocolError extends Error {
  override name = "ProtocolError";
}

/** A failed stream request or batch step; sent back as `{ message, code }`. */
export class HranaError extends Error {
  override name = "HranaError";
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

export function valueFromHrana(raw: unknown): SqlValue {
  const v = raw as Partial<Record<string, unknown>> | null;
  switch (v?.type) {
    case "null":
      return null;
    case "integer": {
      const text = v.value;
      const n = typeof text === "string" && /^-?\d+$/.test(text) ? BigInt(text) : undefined;
      if (n === undefined || n < I64_MIN || n > I64_MAX) {
        throw new ProtocolError(`Invalid integer value: ${JSON.stringify(text)}`);
      }
      return n;
    }
    case "float":
      if (typeof v.value !== "number") throw new ProtocolError("Float value must be a number");
      return v.value;
    case "text":
      if (typeof v.value !== "string") throw new ProtocolError("Text value must be a string");
      return v.value;
    case "blob":
      if (typeof v.base64 !== "string") throw new ProtocolError("Blob value needs base64");
      return Buffer.from(v.base64, "base64");
    default:
      throw new ProtocolError("Value type not recognized");
  }
}

export function valueToHrana(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  // The driver only hands out plain numbers for REAL columns once safe integers are on.
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array) {
    // sqld encodes blobs without padding; the client accepts both.
    return { type: "blob", base64: Buffer.from(value).toString("base64").replace(/=+$/, "") };
  }
  throw new Error(`Unexpected value from SQLite: ${String(value)}`);
}

// sqld reports only the primary result code, named as rusqlite's ErrorCode maps it; SQLITE_ERROR
// (1) and anything rusqlite has no variant for become SQLITE_UNKNOWN. Extended codes such as
// SQLITE_CONSTRAINT_UNIQUE never reach an HTTP client.
const PRIMARY_CODES: Record<number, string> = {
  2: "SQLITE_INTERNAL",
  3: "SQLITE_PERM",
  4: "SQLITE_ABORT",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  7: "SQLITE_NOMEM",
  8: "SQLITE_READONLY",
  9: "SQLITE_INTERRUPT",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  12: "SQLITE_NOTFOUND",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  15: "SQLITE_PROTOCOL",
  17: "SQLITE_SCHEMA",
  18: "SQLITE_TOOBIG",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  21: "SQLITE_MISUSE",
  22: "SQLITE_NOLFS",
  23: "SQLITE_AUTH",
  25: "SQLITE_RANGE",
  26: "SQLITE_NOTADB",
};

/** The driver's SqliteError carries the extended code as `rawCode`. */
export function extendedCodeOf(e: unknown): number | undefined {
  const raw = (e as { rawCode?: unknown } | null)?.rawCode;
  return typeof raw === "number" ? raw : undefined;
}

/**
 * Maps a driver error to what sqld would send. sqld parses SQL before SQLite sees it (syntax
 * errors become SQL_PARSE_ERROR), and rusqlite turns prepare failures that SQLite can locate in
 * the text (no such table/column…) into SQL_INPUT_ERROR. We cannot get SQLite's error offset, so
 * that message lacks sqld's "(at offset N)" suffix.
 */
export function errorFromSqlite(e: unknown, phase: "prepare" | "step"): HranaError {
  const raw = extendedCodeOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (raw === undefined) return new HranaError(message, "SQLITE_UNKNOWN");
  if (phase === "prepare" && (raw & 0xff) === 1) {
    if (/syntax error|incomplete input|unrecognized token/.test(message)) {
      return new HranaError(`SQL string could not be parsed: ${message}`, "SQL_PARSE_ERROR");
    }
    return new HranaError(`SQL input error: ${message}`, "SQL_INPUT_ERROR");
  }
  return new HranaError(`SQLite error: ${message}`, PRIMARY_CODES[raw & 0xff] ?? "SQLITE_UNKNOWN");
}

interface Token {
  kind: "word" | "semi" | "open" | "close" | "param" | "other";
  /** Upper-cased for words, verbatim for params. */
  text: string;
  end: number;
}

const PARAM = /\?\d*|[:@$][A-Za-z0-9_$]+/y;
const WORD = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;

function matchAt(re: RegExp, sql: string, i: number): string | undefined {
  re.lastIndex = i;
  return re.exec(sql)?.[0];
}

/** Where the comment or quoted text starting at `i` ends, or undefined if none starts there. */
function skipQuoted(sql: string, i: number): number | undefined {
  if (sql.startsWith("--", i)) {
    const nl = sql.indexOf("\n", i);
    return nl < 0 ? sql.length : nl + 1;
  }
  if (sql.startsWith("/*", i)) {
    const close = sql.indexOf("*/", i + 2);
    return close < 0 ? sql.length : close + 2;
  }
  const closer = { "'": "'", '"': '"', "`": "`", "[": "]" }[sql[i]!];
  if (closer === undefined) return undefined;
  let j = i + 1;
  for (;;) {
    const k = sql.indexOf(closer, j);
    if (k < 0) return sql.length;
    // A doubled quote is an escaped quote, not the end.
    if (closer === "]" || sql[k + 1] !== closer) return k + 1;
    j = k + 2;
  }
}

/** A lexer just good enough to find statement boundaries: skips strings, quoted names, comments. */
function* tokens(sql: string): Generator<Token> {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const skipped = skipQuoted(sql, i);
    const param = skipped === undefined ? matchAt(PARAM, sql, i) : undefined;
    const word = skipped === undefined && param === undefined ? matchAt(WORD, sql, i) : undefined;
    if (skipped !== undefined) {
      // Quoted names count as words so `CREATE TRIGGER "x"` still reads as a statement.
      if (c === '"' || c === "`" || c === "[") yield { kind: "word", text: "", end: skipped };
      if (c === "'") yield { kind: "other", text: "", end: skipped };
      i = skipped;
    } else if (param !== undefined) {
      i += param.length;
      yield { kind: "param", text: param, end: i };
    } else if (word !== undefined) {
      i += word.length;
      yield { kind: "word", text: word.toUpperCase(), end: i };
    } else {
      i++;
      if (/\s/.test(c)) continue;
      const kind = c === ";" ? "semi" : c === "(" ? "open" : c === ")" ? "close" : "other";
      yield { kind, text: c, end: i };
    }
  }
}

export interface SqlStatement {
  sql: string;
  /** The statement's own verb, after any WITH clause: SELECT, INSERT, BEGIN… */
  verb: string;
  /** Parameter names by 1-based index as SQLite assigns them; null for a bare `?`. */
  params: (string | null)[];
}

/**
 * Splits SQL into statements the way sqlite3_complete() sees them: a `;` inside CREATE TRIGGER
 * only ends the statement when it follows END.
 */
export function splitStatements(sql: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let start = 0;
  let words: string[] = [];
  let verb = "";
  let depth = 0;
  let prevWord = "";
  let params: (string | null)[] = [];
  const finish = (end: number) => {
    if (words.length > 0) out.push({ sql: sql.slice(start, end).trim(), verb, params });
    start = end;
    words = [];
    verb = "";
    depth = 0;
    prevWord = "";
    params = [];
  };
  for (const t of tokens(sql)) {
    if (t.kind === "semi") {
      const inTrigger = words[0] === "CREATE" && words.slice(1, 3).includes("TRIGGER");
      if (!inTrigger || prevWord === "END") finish(t.end);
      prevWord = "";
      continue;
    }
    if (t.kind === "open") depth++;
    if (t.kind === "close") depth = Math.max(0, depth - 1);
    if (t.kind === "param") addParam(params, t.text);
    prevWord = t.kind === "word" ? t.text : "";
    if (t.kind !== "word") continue;
    words.push(t.text);
    if (words.length === 1) verb = t.text;
    else if (verb === "WITH" && depth === 0 && MAIN_VERBS.has(t.text)) verb = t.text;
  }
  finish(sql.length);
  return out;
}

const MAIN_VERBS = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

function addParam(params: (string | null)[], text: string) {
  if (text === "?") {
    params.push(null);
  } else if (text.startsWith("?")) {
    const index = Number(text.slice(1));
    while (params.length < index) params.push(null);
    params[index - 1] = text;
  } else if (!params.includes(text)) {
    params.push(text);
  }
}

/** sqld's is_iud / is_insert, which decide whether changes() and last_insert_rowid() are sent. */
export function writeKind(verb: string): "insert" | "update-delete" | null {
  if (verb === "INSERT" || verb === "REPLACE") return "insert";
  if (verb === "UPDATE" || verb === "DELETE") return "update-delete";
  return null;
}

/** sqlite3_stmt_readonly() as far as the verb tells; transaction control counts as read-only. */
export function isReadonlyVerb(verb: string): boolean {
  return [
    "SELECT",
    "VALUES",
    "BEGIN",
    "COMMIT",
    "END",
    "ROLLBACK",
    "SAVEPOINT",
    "RELEASE",
  ].includes(verb);
}

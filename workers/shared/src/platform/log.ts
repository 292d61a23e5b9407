export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

// file: URLs are usually written file:/abs/path or file:rel/path, without the two slashes.
const urlPattern = /\b(?:(?:libsql|https?|wss?):\/\/|file:)[^\s"']+/gi;
const bearerPattern = /\b(Bearer\s+)[\w.~+/=-]+/gi;
// The native libSQL driver names the file it could not open: "local database /path/x.db".
const localPathPattern = /(local database )\S+?(?=:\s*\d|["')\s]|$)/gi;

/** Text none of the patterns above can match, as most log messages are: nothing to strip. */
const mayHoldSecrets = /:|bearer|local database/i;

/** Strips connection URLs, database paths and bearer tokens from text that may be shown. */
export function redact(text: string): string {
  if (!mayHoldSecrets.test(text)) return text;
  return text
    .replace(urlPattern, "[redacted-url]")
    .replace(localPathPattern, "$1[redacted-path]")
    .replace(bearerPattern, "$1[redacted]");
}

/**
 * A cause that is a plain object (jose's `{ claim, reason, payload }`), by its text fields
 * only: the rest may be the token's claims, and String() would only say "[object Object]".
 */
function describeObjectCause(cause: object): string | undefined {
  const { claim, reason, code, message } = cause as Record<string, unknown>;
  const text = [reason, code, message].filter((f): f is string => typeof f === "string");
  if (text.length === 0) return undefined;
  return typeof claim === "string" ? `claim ${claim}: ${text.join(" ")}` : text.join(" ");
}

/**
 * A one-line account of an error and its causes. drizzle wraps driver errors in a "Failed
 * query" error whose message carries the SQL and its parameters (members' data), so such a
 * wrapper is described by its cause alone.
 */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 4; depth++) {
    if (typeof e === "object" && e !== null && !(e instanceof Error)) {
      const text = describeObjectCause(e);
      if (text) parts.push(text);
      break;
    }
    if (!(e instanceof Error)) {
      parts.push(String(e));
      break;
    }
    const code = (e as { code?: unknown }).code;
    if (!(e.message.startsWith("Failed query:") && e.cause !== undefined)) {
      parts.push(typeof code === "string" && code ? `${code}: ${e.message}` : e.message);
    }
    e = e.cause;
  }
  return redact(parts.join(" <- "));
}

let lastMs = Number.NaN;
let lastTime = "";

/** Now as ISO text, formatted once per millisecond however many lines share it. */
function timeNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastTime = new Date(ms).toISOString();
  }
  return lastTime;
}

/** One JSON object per line: what Workers Logs and any log shipper expect. */
export function jsonLogger(
  sink: (line: string) => void = (line) => console.log(line),
  base: LogFields = {},
): Logger {
  const write = (level: LogLevel, msg: string, fields: LogFields = {}) =>
    sink(
      JSON.stringify({
        level,
        msg: redact(msg),
        time: timeNow(),
        ...base,
        ...fields,
      }),
    );
  return {
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

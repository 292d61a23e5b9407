export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const urlPattern = /\b(?:libsql|https?|wss?|file):\/\/[^\s"']+/gi;
const bearerPattern = /\b(Bearer\s+)[\w.~+/=-]+/gi;

/** Strips connection URLs and bearer tokens from text that may reach logs or operators. */
export function redact(text: string): string {
  return text.replace(urlPattern, "[redacted-url]").replace(bearerPattern, "$1[redacted]");
}

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return redact(typeof code === "string" ? `${code}: ${err.message}` : err.message);
  }
  return redact(String(err));
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
        time: new Date().toISOString(),
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

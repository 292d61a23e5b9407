/**
 * Tenant databases on Turso, through its Platform API (docs.turso.tech/api-reference).
 * Only `fetch` is used, so the same code runs in Workers and on Node.
 */
import * as v from "valibot";
import { type ProvisionedDatabase, type Provisioner, ProvisioningError } from "./provisioning";

export interface TursoConfig {
  /** Defaults to https://api.turso.tech; tests point it at a local stand-in. */
  apiUrl?: string;
  organization: string;
  /** Must already exist; it decides where the databases live. */
  group: string;
  /** Platform API token: sent in the Authorization header and nowhere else. */
  apiToken: string;
  fetch?: typeof fetch;
}

// Turso accepts lowercase letters, digits and dashes, at most 32 of them. The prefix keeps our
// databases apart from anything else in the organization. Slugs may be 40 characters, so a
// long one is shortened and suffixed with a hash of the whole slug to stay unique.
const NAME_PATTERN = /^[a-z0-9-]{1,32}$/;
const prefix = "tandem-";

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

export function databaseNameFor(slug: string): string {
  const name = `${prefix}${slug}`;
  return name.length <= 32 ? name : `${prefix}${slug.slice(0, 16)}-${fnv1a(slug)}`;
}

// Only the fields we use are checked; Turso may add others.
const CreatedBody = v.object({
  database: v.object({ Hostname: v.pipe(v.string(), v.regex(/^[a-z0-9.-]+$/i)) }),
});
const TokenBody = v.object({ jwt: v.pipe(v.string(), v.nonEmpty()) });
const ErrorBody = v.object({ error: v.string() });

export class TursoProvisioner implements Provisioner {
  readonly #base: string;
  readonly #group: string;
  readonly #token: string;
  readonly #fetch: (input: string, init: RequestInit) => Promise<Response>;

  constructor(config: TursoConfig) {
    const api = (config.apiUrl ?? "https://api.turso.tech").replace(/\/+$/, "");
    this.#base = `${api}/v1/organizations/${encodeURIComponent(config.organization)}`;
    this.#group = config.group;
    this.#token = config.apiToken;
    // Called as a plain function: Workers throw "Illegal invocation" if fetch gets our `this`.
    const f = config.fetch;
    this.#fetch = f ? (input, init) => f(input, init) : (input, init) => fetch(input, init);
  }

  async createDatabase(slug: string): Promise<ProvisionedDatabase> {
    const name = this.#name(slug);
    const what = `create database "${name}"`;
    const res = await this.#call(what, "POST", "/databases", { name, group: this.#group });
    if (!res.ok) throw await this.#refusal(what, res);
    try {
      const created = await this.#body(what, res, CreatedBody);
      // No `expiration`: Turso's default is "never". Full access, scoped to this database only.
      const mint = `mint a token for database "${name}"`;
      const path = `/databases/${name}/auth/tokens?authorization=full-access`;
      const tokenRes = await this.#call(mint, "POST", path);
      if (!tokenRes.ok) throw await this.#refusal(mint, tokenRes);
      const { jwt } = await this.#body(mint, tokenRes, TokenBody);
      return { url: `libsql://${created.database.Hostname}`, authToken: jwt };
    } catch (err) {
      // The database exists but nobody can use it; remove it so a retry starts clean
      // instead of failing with "already exists".
      throw await this.#undo(name, err);
    }
  }

  async deleteDatabase(slug: string): Promise<void> {
    await this.#delete(this.#name(slug));
  }

  async #delete(name: string): Promise<void> {
    const what = `delete database "${name}"`;
    const res = await this.#call(what, "DELETE", `/databases/${name}`);
    // Already gone is what we wanted: undo must be safe to repeat.
    if (res.ok || res.status === 404) {
      await res.body?.cancel();
      return;
    }
    throw await this.#refusal(what, res);
  }

  async #undo(name: string, err: unknown): Promise<unknown> {
    try {
      await this.#delete(name);
      return err;
    } catch (cleanup) {
      // Say so: an orphaned database needs an operator, and would block a retry.
      if (!(err instanceof ProvisioningError)) return err;
      const why = cleanup instanceof Error ? cleanup.message : String(cleanup);
      return new ProvisioningError(
        `${err.message}; removing it again failed: ${why}`,
        err.upstreamStatus,
      );
    }
  }

  #name(slug: string): string {
    const name = databaseNameFor(slug);
    if (!NAME_PATTERN.test(name)) {
      throw new ProvisioningError(
        `Slug ${JSON.stringify(slug)} does not make a valid Turso database name`,
      );
    }
    return name;
  }

  async #call(what: string, method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.#token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      const init = { method, headers, body: body === undefined ? null : JSON.stringify(body) };
      return await this.#fetch(`${this.#base}${path}`, init);
    } catch (err) {
      throw new ProvisioningError(this.#scrub(`Could not reach Turso to ${what}: ${reason(err)}`));
    }
  }

  async #refusal(what: string, res: Response): Promise<ProvisioningError> {
    const text = await res.text().catch(() => "");
    let detail = res.statusText;
    try {
      const parsed = v.safeParse(ErrorBody, JSON.parse(text));
      if (parsed.success) detail = parsed.output.error;
    } catch {
      // Not JSON (a proxy's HTML page, say): the status line is all we report.
    }
    const message = `Turso refused to ${what}: ${res.status} ${detail.slice(0, 200)}`.trimEnd();
    return new ProvisioningError(this.#scrub(message), res.status);
  }

  async #body<T extends v.GenericSchema>(what: string, res: Response, schema: T) {
    const raw: unknown = await res.json().catch(() => undefined);
    const parsed = v.safeParse(schema, raw);
    // No upstreamStatus: Turso said yes, we could not read its answer.
    if (!parsed.success)
      throw new ProvisioningError(`Turso's answer to ${what} was not understood`);
    return parsed.output as v.InferOutput<T>;
  }

  // Turso's messages and fetch errors are echoed to operators; the API token must never be.
  #scrub(message: string): string {
    return this.#token ? message.split(this.#token).join("[redacted]") : message;
  }
}

/** The useful part of a fetch failure: Node hides ECONNREFUSED and friends in `cause`. */
function reason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return cause.code;
  return err instanceof Error ? err.message : String(err);
}

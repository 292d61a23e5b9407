/**
 * Access tokens whose signature and claims this isolate already verified, so a member's next
 * requests skip the Ed25519 verify (the largest CPU cost of an authenticated read). Keyed by
 * the whole token: a token differing in any byte, its signature included, is verified anew.
 * An entry answers only between the token's `iat` and its `exp`, never past it; whether the
 * member may still act is not cached (the caller reads the member's status every request).
 *
 * Hand-written rather than lru-cache or ttlcache: expiry must follow the request's clock
 * (`now`, injected, so tests can move it), and every token lives the same 15 minutes, so
 * insertion order is expiry order and evicting the oldest entry is all the policy needed.
 */
export class VerifiedTokens<Claims> {
  readonly #entries = new Map<string, { claims: Claims; fromMs: number; untilMs: number }>();

  constructor(readonly maxEntries = 4096) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The claims of a token verified earlier, if it is still within its lifetime at `nowMs`. */
  get(token: string, nowMs: number): Claims | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.untilMs || nowMs < entry.fromMs) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  /** Remembers a verified token for `[fromMs, untilMs)`: from its `iat` until its `exp`. */
  remember(token: string, claims: Claims, fromMs: number, untilMs: number): void {
    this.#entries.delete(token);
    while (this.#entries.size >= this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(token, { claims, fromMs, untilMs });
  }
}

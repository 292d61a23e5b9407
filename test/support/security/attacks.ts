import { clientTokenAttacks } from "./attacks-client";
import { memberTokenAttacks } from "./attacks-member";
import type { OrgFixture, SuiteEnv } from "./types";

// ---------------------------------------------------------------------------------------------
// Credentials that must never work (401)
// ---------------------------------------------------------------------------------------------

export interface Attack {
  name: string;
  token(env: SuiteEnv, org: OrgFixture): Promise<string>;
  /**
   * The finding, while the API still accepts this token. Such an attack runs as `it.fails`
   * after the others, on its own victim and as a fresh admin, so what it manages to change
   * spoils no other check. Delete the field once the API is fixed.
   */
  knownFailure?: string;
}

export const attacks: Attack[] = [...memberTokenAttacks, ...clientTokenAttacks];

// ---------------------------------------------------------------------------------------------
// Bodies that must never be accepted (400)
// ---------------------------------------------------------------------------------------------

/** The valid body with every top-level value replaced by one of another JSON type. */
export function wrongTypes(body: Record<string, unknown>): Record<string, unknown> {
  const swap = (value: unknown) =>
    typeof value === "string"
      ? 12345
      : typeof value === "number" || typeof value === "boolean"
        ? "not a number"
        : Array.isArray(value)
          ? "not a list"
          : "not an object";
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, swap(v)]));
}

import {
  passwordMaxLength,
  passwordMinLength,
} from "../../../workers/shared/src/contracts/common/limits";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export const formatDateTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
};

export const formatDate = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnly.format(d);
};

/** "1 invitation", "3 invitations". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const roleLabel = (role: string) => ({ admin: "Admin", member: "Member" })[role] ?? role;

export const statusLabel = (status: string) =>
  ({ invited: "Invited", active: "Active", deactivated: "Deactivated", revoked: "Revoked" })[
    status
  ] ?? status;

/** Every IANA zone the browser knows, plus the member's own if the browser lacks it. */
export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set(["UTC", ...zones]);
  if (current) all.add(current);
  return [...all].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The client-side half of the password rules; the API also rejects common passwords. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < passwordMinLength) return `Use at least ${passwordMinLength} characters.`;
  if (password.length > passwordMaxLength) return `Use at most ${passwordMaxLength} characters.`;
  return undefined;
}

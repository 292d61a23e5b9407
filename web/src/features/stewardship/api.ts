import type { ReadReason } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { api } from "../../lib/api";

/** A GET of a pair's records: with the coordinator's reason when there is one. */
export const pairRead = <T>(path: string, reason: ReadReason | null | undefined): Promise<T> =>
  api<T>(path, reason ? { headers: { "read-reason": reason } } : {});

import type { Member } from "../../../../../db/tenant/schema";
import type { MemberView } from "../../../../shared/src/contracts/members";

export const memberView = ({
  id,
  email,
  displayName,
  role,
  status,
  timeZone,
}: Member): MemberView => ({
  id,
  email,
  displayName,
  role,
  status,
  timeZone,
});

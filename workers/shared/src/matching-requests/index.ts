/**
 * A mentee's requests to the mentors they chose, one at a time: the write paths the API
 * (choosing, declining, withdrawing) and the scheduler's sweep (expiry) share.
 */
export { deadline, requestWithdrawnEmail } from "./emails";
export {
  contactsOf,
  endRequest,
  expireLapsedRequests,
  type PendingRequest,
  type SweepDeps,
} from "./ending";
export { type Participant, participantsOf } from "./profiles";
export {
  activeCount,
  type Passed,
  type Program,
  pendingRequestOf,
  type RequestDeps,
  requestAudit,
  sendNextRequest,
  type Tx,
  takesChoices,
} from "./requests";

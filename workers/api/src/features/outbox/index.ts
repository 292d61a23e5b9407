// The outbox: how every side effect that leaves Tandem is recorded with its cause. Other
// features import from here only.
export { deliverAfterResponse, deliverSoon, requestDelivery } from "./deliver-soon";
export { outboxRoutes } from "./routes";
export { createOutbox, type Outbox, type OutboxInsert, outboxFor } from "./write";

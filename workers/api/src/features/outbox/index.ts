// The outbox: how every side effect that leaves Tandem is recorded with its cause. Other
// features import from here only.
export { deliverSoon, deliverWrittenOutbox, requestDelivery } from "./deliver-soon";
export { requeueDead } from "./retry";
export { outboxRoutes } from "./routes";
export { outboxEntry } from "./views";

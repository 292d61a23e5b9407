// Delivering the tenant outboxes the API writes: claim, send, retry with backoff, dead-letter.
export { type DeliveryDeps, type DeliveryReport, deliverOutbox } from "./deliver";
export { maxAttempts, retryDelayMs } from "./retry";

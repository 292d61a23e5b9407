// The tenant database: one per organization, one file per area of the domain.
export * from "./identity";
export * from "./matching";
export * from "./members";
export * from "./operations";
export * from "./outbox";
export * from "./programs";
export * from "./relationship";
export * from "./reminders";
export * from "./requests";
export * from "./stewardship";

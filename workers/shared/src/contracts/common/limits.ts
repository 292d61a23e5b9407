/**
 * Bounds of payloads, apart from the schemas that enforce them: the web client's first
 * download reads these without loading valibot.
 */
export const passwordMinLength = 10;
export const passwordMaxLength = 200;

/** Rows one bulk call (invitations, enrollments) may carry. */
export const maxBulkRows = 500;

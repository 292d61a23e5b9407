import { integer } from "drizzle-orm/sqlite-core";

/** A moment, stored as milliseconds since the epoch and read as a Date. */
export const ms = (name: string) => integer(name, { mode: "timestamp_ms" });

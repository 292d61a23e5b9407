import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const enrollmentsRoutes = new Hono<AppEnv>();
export const myEnrollmentsRoutes = new Hono<AppEnv>();

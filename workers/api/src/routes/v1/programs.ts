import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const programsRoutes = new Hono<AppEnv>();
export const programTemplatesRoutes = new Hono<AppEnv>();

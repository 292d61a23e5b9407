import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const meRoutes = new Hono<AppEnv>();

import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const clientsRoutes = new Hono<AppEnv>();

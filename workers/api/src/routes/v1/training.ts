import { Hono } from "hono";
import type { AppEnv } from "../../app-env";

export const trainingRoutes = new Hono<AppEnv>();

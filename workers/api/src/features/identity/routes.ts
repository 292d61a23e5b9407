import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { emailLinkRoutes } from "./email-link-routes";
import { sessionRoutes } from "./session-routes";

/** /v1/orgs/{slug}/auth: everything before (and around) being signed in. */
export const authRoutes = new Hono<AppEnv>()
  .get("/organization", (c) => {
    const { slug, name, kind } = c.get("tenant");
    return c.json({ slug, name, kind });
  })
  .route("/", sessionRoutes)
  .route("/", emailLinkRoutes);

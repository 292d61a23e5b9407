import { Hono } from "hono";
import { organizationView } from "../../../../shared/src/contracts/identity";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { emailLinkRoutes } from "./email-link-routes";
import { sessionRoutes } from "./session-routes";

/** /v1/orgs/{slug}/auth: everything before (and around) being signed in. */
export const authRoutes = new Hono<AppEnv>()
  .get("/organization", responds(200, organizationView), (c) => {
    const { slug, name, kind } = c.get("tenant");
    return c.json({ slug, name, kind });
  })
  .route("/", sessionRoutes)
  .route("/", emailLinkRoutes);

import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { emailLinkRoutes } from "./email-links";
import { invitationRoutes } from "./invitations";
import { sessionRoutes } from "./sessions";

/** /v1/orgs/{slug}/auth: everything before (and around) being signed in. */
export const authRoutes = new Hono<AppEnv>()
  .get("/organization", (c) => {
    const { slug, name, kind } = c.get("tenant");
    return c.json({ slug, name, kind });
  })
  .route("/", sessionRoutes)
  .route("/invitations", invitationRoutes)
  .route("/", emailLinkRoutes);

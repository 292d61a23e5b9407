import { secureHeaders } from "hono/secure-headers";

/**
 * The page keeps its access token in memory, so what may run in it is its main guard: only
 * the page's own scripts and styles, requests to its own origin, no plugins, no <base>, and no
 * framing (the rule editor must not be clickjacked). The built page needs nothing inline.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The headers every response carries, from the app and from the Node host's static files.
 * Cloudflare serves the static files on the edge itself, with `web/public/_headers`: a test
 * keeps that file equal to what this middleware sends.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
  });

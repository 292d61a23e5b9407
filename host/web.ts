import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

// Vite names what it builds under assets/ by content hash: a changed file gets a new name,
// so a browser may keep these forever. Everything else (index.html first) is revalidated.
const hashedAsset = /^\/assets\//;
const immutable = "public, max-age=31536000, immutable";

/**
 * The web client's files, and index.html for any other GET: the client routes in the browser.
 * Mounted after the API, which answers its own paths (unknown ones included) itself. The
 * API's middleware runs for these too (request id, log line, security headers).
 */
export function webRoutes(root: string) {
  const web = new Hono();
  web.use(
    "/*",
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header("cache-control", hashedAsset.test(c.req.path) ? immutable : "no-cache");
      },
    }),
  );
  web.get(
    "/*",
    serveStatic({
      root,
      path: "index.html",
      onFound: (_path, c) => {
        c.header("cache-control", "no-cache");
      },
    }),
  );
  return web;
}

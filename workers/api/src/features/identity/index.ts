/**
 * Signing in and staying signed in: passwords, sessions and refresh tokens, password reset,
 * email change, and the member's own profile (/v1/me).
 */
export { type Credentials, credentials } from "./credentials";
export { meRoutes } from "./me-routes";
export { sessionResponse } from "./refresh-cookie";
export { authRoutes } from "./routes";
export { revokeMemberSessions } from "./session-revocation";
export { type IssuedSession, memberActor, newRefreshToken, signSession } from "./sessions";

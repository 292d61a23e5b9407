import type { Hono } from "hono";

/** The API in-process, as a signed-in member would call it over HTTP. */
export interface DemoApi {
  signIn(email: string, password: string): Promise<string>;
  call<T = unknown>(token: string, method: string, path: string, body?: unknown): Promise<T>;
}

// biome-ignore lint/suspicious/noExplicitAny: any app env will do; only fetch is used.
export function demoApi(app: Hono<any>, slug: string): DemoApi {
  async function send<T>(method: string, path: string, token: string | null, body?: unknown) {
    const res = await app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) {
      const detail = (() => {
        try {
          return (JSON.parse(text) as { detail?: string }).detail ?? text;
        } catch {
          return text;
        }
      })();
      throw new Error(`setting up the demo: ${method} ${path} answered ${res.status}: ${detail}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    async signIn(email, password) {
      const session = await send<{ accessToken: string }>(
        "POST",
        `/v1/orgs/${slug}/auth/login`,
        null,
        { email, password },
      );
      return session.accessToken;
    },
    call: (token, method, path, body) => send(method, path, token, body),
  };
}

/**
 * Links sent by email. The single-use token travels in the fragment, which browsers never
 * send to a server, so it cannot end up in access logs or Referer headers.
 */
export type LinkKind = "accept" | "reset-password" | "confirm-email";

export function emailLink(publicUrl: string, slug: string, kind: LinkKind, token: string): string {
  return `${publicUrl}/o/${slug}/${kind}#token=${encodeURIComponent(token)}`;
}

export function signInLink(publicUrl: string, slug: string): string {
  return `${publicUrl}/o/${slug}/sign-in`;
}

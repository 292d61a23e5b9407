import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Bell } from "../features/notifications/Bell";
import { refreshSession, signOut } from "../lib/api";
import { ApiError, messageOf } from "../lib/problem";
import { useLocation } from "../lib/router";
import { type ActiveSession, endSession, session } from "../lib/session";
import { SessionContext, useActiveSession } from "../lib/session-context";
import { useStore } from "../lib/store";
import { ErrorMessage, Loading, PageHeading } from "./feedback";
import { PublicFrame, UnknownOrganization } from "./PublicFrame";

interface NavItem {
  path: string;
  label: string;
  adminOnly: boolean;
}

export const navItems: NavItem[] = [
  { path: "/", label: "Home", adminOnly: false },
  { path: "/programs", label: "Programs", adminOnly: false },
  { path: "/my-programs", label: "My programs", adminOnly: false },
  { path: "/my-matches", label: "My matches", adminOnly: false },
  { path: "/members", label: "Members", adminOnly: true },
  { path: "/clients", label: "API clients", adminOnly: true },
  { path: "/audit", label: "Audit log", adminOnly: true },
  { path: "/webhooks", label: "Webhooks", adminOnly: true },
  { path: "/deliveries", label: "Deliveries", adminOnly: true },
];

/** The nav link of the page shown, or of the area it belongs to (a program's own pages). */
const isCurrent = (path: string, href: string) =>
  path === href || (!href.endsWith("/") && path.startsWith(`${href}/`));

function Header({ current }: { current: ActiveSession }) {
  const { path } = useLocation();
  const [leaving, setLeaving] = useState(false);
  const { slug, member } = current;
  const items = navItems.filter((item) => !item.adminOnly || member.role === "admin");
  return (
    <header class="app-header">
      <div class="app-header-top">
        <p class="brand-line">
          <span class="brand">Tandem</span>
          <span class="org-name">{member.organization.name}</span>
        </p>
        <div class="account">
          <Bell slug={slug} />
          <span class="member-name">{member.displayName || member.email}</span>
          <button
            type="button"
            class="button small"
            disabled={leaving}
            onClick={() => {
              setLeaving(true);
              void signOut(slug);
            }}
          >
            {leaving ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
      <nav aria-label="Main">
        <ul>
          {items.map((item) => {
            const href = `/o/${slug}${item.path}`;
            return (
              <li key={item.path}>
                <a href={href} aria-current={isCurrent(path, href) ? "page" : undefined}>
                  {item.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}

/**
 * Pages for signed-in members. Opening one without a session in memory (a reload, a new tab)
 * restores it from the refresh cookie; without one, the member goes to sign-in.
 */
export function SignedIn({ slug, children }: { slug: string; children: ComponentChildren }) {
  const current = useStore(session);
  const [error, setError] = useState<unknown>(null);
  const ready = current?.slug === slug;

  useEffect(() => {
    if (ready) return;
    let live = true;
    setError(null);
    refreshSession(slug).then(
      (restored) => {
        if (live && !restored) endSession(slug, null);
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [slug, ready]);

  if (!ready) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <PublicFrame>
          <PageHeading title="Organization not found">Organization not found</PageHeading>
          <UnknownOrganization slug={slug} />
        </PublicFrame>
      );
    }
    return (
      <PublicFrame>
        {error ? (
          <ErrorMessage message={messageOf(error)} />
        ) : (
          <Loading label="Opening your organization…" />
        )}
      </PublicFrame>
    );
  }
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <Header current={current} />
      <main id="main" class="app-main" tabIndex={-1}>
        <SessionContext.Provider value={current}>{children}</SessionContext.Provider>
      </main>
    </>
  );
}

/** For admin-only pages opened by a member. */
export function AdminOnly({ children }: { children: ComponentChildren }) {
  if (useActiveSession().member.role === "admin") return <>{children}</>;
  return (
    <>
      <PageHeading title="Not available">Not available</PageHeading>
      <div class="card">
        <p>Only your organization's admins can see this page.</p>
      </div>
    </>
  );
}

import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { OrganizationView } from "../../../workers/shared/src/contracts/identity";
import { orgCall } from "../lib/api";
import { ApiError, messageOf } from "../lib/problem";
import { PageHeading } from "./feedback";

type OrgState =
  | { kind: "loading" }
  | { kind: "found"; org: OrganizationView }
  | { kind: "missing" }
  | { kind: "error"; message: string };

const known = new Map<string, OrganizationView>();

/** The organization named in the path, for the signed-out pages. */
export function useOrganization(slug: string): OrgState {
  const cached = known.get(slug);
  const [state, setState] = useState<OrgState>(
    cached ? { kind: "found", org: cached } : { kind: "loading" },
  );
  useEffect(() => {
    if (known.has(slug)) return;
    let live = true;
    orgCall<OrganizationView>(slug, "/organization", { method: "GET" }).then(
      (org) => {
        known.set(slug, org);
        if (live) setState({ kind: "found", org });
      },
      (err: unknown) => {
        if (!live) return;
        const missing = err instanceof ApiError && err.status === 404;
        setState(missing ? { kind: "missing" } : { kind: "error", message: messageOf(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [slug]);
  return state;
}

/** The frame of the signed-out pages: brand, then one centred card. */
export function PublicFrame({ children, wide }: { children: ComponentChildren; wide?: boolean }) {
  return (
    <>
      <header class="public-header">
        <a href="/" class="brand">
          Tandem
        </a>
      </header>
      <main id="main" class={wide ? "public-main wide" : "public-main"} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** What a signed-out page says when the organization in its address does not exist. */
export function UnknownOrganization({ slug }: { slug: string }) {
  return (
    <div class="card">
      <h2>We couldn't find that organization</h2>
      <p>
        There is no organization at the address “{slug}”. Check the link you were given, or{" "}
        <a href="/">enter your organization's address again</a>.
      </p>
    </div>
  );
}

export function OrgName({ state }: { state: OrgState }) {
  if (state.kind === "found") return <p class="org-label">{state.org.name}</p>;
  if (state.kind === "error") return <p class="org-label muted">{state.message}</p>;
  return null;
}

/** A signed-out page: the frame and its h1, titled the same. */
export function PublicPage({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <PublicFrame>
      <PageHeading title={title}>{title}</PageHeading>
      {children}
    </PublicFrame>
  );
}

/** The whole page when the organization in the address does not exist. */
export function MissingOrganization({ slug }: { slug: string }) {
  return (
    <PublicFrame>
      <PageHeading title="Organization not found">Organization not found</PageHeading>
      <UnknownOrganization slug={slug} />
    </PublicFrame>
  );
}

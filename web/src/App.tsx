import { useEffect } from "preact/hooks";
import { AuditPage } from "./features/audit/AuditPage";
import { ClientsPage } from "./features/clients/ClientsPage";
import { DevMailbox } from "./features/dev-mailbox/DevMailbox";
import { ForgotPassword } from "./features/identity/ForgotPassword";
import { Home } from "./features/identity/Home";
import { SignIn } from "./features/identity/SignIn";
import { ConfirmEmail, ResetPassword } from "./features/identity/TokenPages";
import { Landing } from "./features/landing/Landing";
import { Accept } from "./features/members/Accept";
import { MembersPage } from "./features/members/MembersPage";
import { NotificationsPage } from "./features/notifications/NotificationsPage";
import { PreferencesByLinkPage } from "./features/notifications/PreferencesByLinkPage";
import { PreferencesPage } from "./features/notifications/PreferencesPage";
import { DeliveriesPage } from "./features/outbox/DeliveriesPage";
import { WebhooksPage } from "./features/webhooks/WebhooksPage";
import { fragmentParam, navigate, useLocation } from "./lib/router";
import { AdminOnly, SignedIn } from "./ui/AppFrame";
import { PageHeading } from "./ui/feedback";
import { lazyComponent } from "./ui/lazy";
import { PublicFrame } from "./ui/PublicFrame";

const MyMatchingRoutes = lazyComponent(
  () => import("./features/my-matching/MyMatchingRoutes").then((m) => m.MyMatchingRoutes),
  "Loading your matches…",
);

const Workspace = lazyComponent(
  () => import("./features/relationship/Workspace").then((m) => m.Workspace),
  "Loading your match…",
);

const ProgramRoutes = lazyComponent(
  () => import("./features/programs/ProgramRoutes").then((m) => m.ProgramRoutes),
  "Loading programs…",
);

function NotFound() {
  return (
    <PublicFrame>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <div class="card">
        <p>
          There is nothing at this address. <a href="/">Go to the Tandem home page</a>.
        </p>
      </div>
    </PublicFrame>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Everything under /o/{slug}/: the signed-out entry points, then the signed-in pages. */
function OrgRoutes({ slug, rest, hash }: { slug: string; rest: string; hash: string }) {
  const token = fragmentParam(hash, "token");
  switch (rest) {
    case "":
      return <Redirect to={`/o/${slug}/`} />;
    case "/sign-in":
      return <SignIn slug={slug} />;
    case "/forgot-password":
      return <ForgotPassword slug={slug} />;
    case "/accept":
      return <Accept slug={slug} token={token} />;
    case "/reset-password":
      return <ResetPassword slug={slug} token={token} />;
    case "/confirm-email":
      return <ConfirmEmail slug={slug} token={token} />;
    case "/notification-preferences":
      return <PreferencesByLinkPage slug={slug} token={token} />;
  }
  const programs = /^\/(programs|my-programs)(\/.*)?$/.exec(rest);
  if (programs?.[1]) {
    const area = programs[1] === "my-programs" ? "mine" : "programs";
    return (
      <SignedIn slug={slug}>
        <ProgramRoutes slug={slug} area={area} rest={programs[2] ?? ""} />
      </SignedIn>
    );
  }
  const myMatching = /^\/my-matches(\/.*)?$/.exec(rest);
  if (myMatching) {
    return (
      <SignedIn slug={slug}>
        <MyMatchingRoutes rest={myMatching[1] ?? ""} />
      </SignedIn>
    );
  }
  const workspace = /^\/matches\/([^/]+)\/?$/.exec(rest);
  if (workspace?.[1]) {
    return (
      <SignedIn slug={slug}>
        <Workspace key={workspace[1]} rawMatchId={workspace[1]} />
      </SignedIn>
    );
  }
  const page =
    rest === "/" ? (
      <Home />
    ) : rest === "/notifications" ? (
      <NotificationsPage />
    ) : rest === "/settings/notifications" ? (
      <PreferencesPage />
    ) : rest === "/members" ? (
      <AdminOnly>
        <MembersPage />
      </AdminOnly>
    ) : rest === "/clients" ? (
      <AdminOnly>
        <ClientsPage />
      </AdminOnly>
    ) : rest === "/audit" ? (
      <AdminOnly>
        <AuditPage />
      </AdminOnly>
    ) : rest === "/webhooks" ? (
      <AdminOnly>
        <WebhooksPage />
      </AdminOnly>
    ) : rest === "/deliveries" ? (
      <AdminOnly>
        <DeliveriesPage />
      </AdminOnly>
    ) : null;
  if (!page) return <NotFound />;
  return <SignedIn slug={slug}>{page}</SignedIn>;
}

export function App() {
  const { path, hash } = useLocation();
  if (path === "/") return <Landing />;
  if (path === "/dev/mail") return <DevMailbox />;
  const org = /^\/o\/([^/]+)(\/.*)?$/.exec(path);
  if (org?.[1]) {
    let slug = org[1];
    try {
      slug = decodeURIComponent(slug);
    } catch {
      return <NotFound />;
    }
    return <OrgRoutes key={slug} slug={slug} rest={org[2] ?? ""} hash={hash} />;
  }
  return <NotFound />;
}

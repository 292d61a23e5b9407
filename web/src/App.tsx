import { useEffect } from "preact/hooks";
import { ClientsPage } from "./clients/ClientsPage";
import { fragmentParam, navigate, useLocation } from "./lib/router";
import { MembersPage } from "./members/MembersPage";
import { AdminOnly, SignedIn } from "./org/AppFrame";
import { PublicFrame } from "./org/PublicFrame";
import { Accept } from "./pages/Accept";
import { AuditPage } from "./pages/AuditPage";
import { DevMailbox } from "./pages/DevMailbox";
import { ForgotPassword } from "./pages/ForgotPassword";
import { Home } from "./pages/Home";
import { Landing } from "./pages/Landing";
import { SignIn } from "./pages/SignIn";
import { ConfirmEmail, ResetPassword } from "./pages/TokenPages";
import { PageHeading } from "./ui/feedback";
import { lazyComponent } from "./ui/lazy";

const ProgramRoutes = lazyComponent(
  () => import("./programs/ProgramRoutes").then((m) => m.ProgramRoutes),
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
  const page =
    rest === "/" ? (
      <Home />
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

import { useActiveSession } from "../../lib/session-context";
import { AdminOnly } from "../../ui/AppFrame";
import { PageHeading } from "../../ui/feedback";
import { ApplyPage } from "../enrollments/ApplyPage";
import { JoinPrograms } from "../enrollments/JoinPrograms";
import { MyPrograms } from "../enrollments/MyPrograms";
import { NewProgram } from "./NewProgram";
import { ProgramPage, type ProgramTab, programTabs } from "./ProgramPage";
import { ProgramsList } from "./ProgramsList";

interface Props {
  slug: string;
  area: "programs" | "mine";
  /** The path after /programs or /my-programs: "", "/new", "/{id}", "/{id}/rules", … */
  rest: string;
}

function Missing() {
  return (
    <>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <div class="card">
        <p>There is nothing at this address.</p>
      </div>
    </>
  );
}

/** The program pages: coordinators manage programs; members join them and follow their own. */
export function ProgramRoutes({ area, rest }: Props) {
  const admin = useActiveSession().member.role === "admin";
  if (area === "mine") return rest === "" || rest === "/" ? <MyPrograms /> : <Missing />;
  if (rest === "" || rest === "/") return admin ? <ProgramsList /> : <JoinPrograms />;
  if (rest === "/new") {
    return (
      <AdminOnly>
        <NewProgram />
      </AdminOnly>
    );
  }
  const [, rawId, tab] = /^\/([^/]+)(?:\/([a-z-]+))?\/?$/.exec(rest) ?? [];
  if (!rawId) return <Missing />;
  let id = rawId;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return <Missing />;
  }
  if (tab === "apply") return <ApplyPage programId={id} />;
  if (!admin) return tab ? <Missing /> : <ApplyPage programId={id} />;
  const current = (tab ?? "overview") as ProgramTab;
  if (!programTabs.some(([key]) => key === current)) return <Missing />;
  return <ProgramPage key={id} programId={id} tab={current} />;
}

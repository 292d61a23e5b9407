import { PageHeading } from "../../ui/feedback";
import { ChooseMentors } from "./ChooseMentors";
import { MyMatches } from "./MyMatches";

/** /my-matches: everyone's matches and requests; /my-matches/{programId}: a mentee's choices. */
export function MyMatchingRoutes({ rest }: { rest: string }) {
  if (rest === "" || rest === "/") return <MyMatches />;
  const [, rawId] = /^\/([^/]+)\/?$/.exec(rest) ?? [];
  let programId: string | null = null;
  try {
    programId = rawId ? decodeURIComponent(rawId) : null;
  } catch {
    programId = null;
  }
  if (programId) return <ChooseMentors key={programId} programId={programId} />;
  return (
    <>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <div class="card">
        <p>There is nothing at this address.</p>
      </div>
    </>
  );
}

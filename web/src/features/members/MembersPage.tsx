import { useState } from "preact/hooks";
import { useActiveSession } from "../../lib/session-context";
import { PageHeading } from "../../ui/feedback";
import { BulkInvite } from "./BulkInvite";
import { InviteForm } from "./InviteForm";
import { MembersTable } from "./MembersTable";
import { PendingInvitations } from "./PendingInvitations";

export function MembersPage() {
  const { member } = useActiveSession();
  // Bumped after invitations change so both lists load their first page again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <>
      <PageHeading title="Members">Members</PageHeading>
      <InviteForm onInvited={changed} />
      <section aria-labelledby="pending-t" class="section">
        <h2 id="pending-t">Pending invitations</h2>
        <PendingInvitations version={version} onChanged={changed} />
      </section>
      <section aria-labelledby="members-t" class="section">
        <h2 id="members-t">Everyone in {member.organization.name}</h2>
        <MembersTable version={version} selfId={member.id} />
      </section>
      <BulkInvite onInvited={changed} />
    </>
  );
}

import { eq } from "drizzle-orm";
import { members } from "../../../../../db/tenant/schema";
import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";
import type { OutboxInsert } from "../../../../shared/src/platform/outbox";
import type { IssueCtx, Planned } from "./invitation-plan";

const expiryFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

function invitationMail(
  ctx: IssueCtx,
  p: Planned,
  inviter: string | null,
  firstAdmin: boolean,
): MailMessage {
  const org = oneLine(ctx.tenant.name);
  const link = ctx.links.email("accept", p.token);
  const greeting = p.invitation.displayName ? `Hi ${oneLine(p.invitation.displayName)},` : "Hi,";
  const opening = firstAdmin
    ? `${org} now has a home on Tandem, and you're invited as its first admin: you'll set up ` +
      "its mentoring programs and invite the people who take part."
    : `${inviter ?? `The team at ${org}`} invited you to join ${org} on Tandem.`;
  const asAdmin =
    p.invitation.role === "admin" && !firstAdmin
      ? "You'll join as an admin, so you can also run programs and invite people."
      : "";
  const askAgain = firstAdmin
    ? "the person who set up Tandem for you"
    : (inviter ?? `an admin of ${org}`);
  // One line per paragraph: mail clients wrap plain text to the screen, hard breaks do not.
  const paragraphs = [
    greeting,
    opening,
    `Tandem helps ${org} run peer mentoring: people are paired as mentor and mentee, agree ` +
      "how they'll work together, and keep their check-ins in one place.",
    ...(asAdmin ? [asAdmin] : []),
    "To accept, open this link and choose a password:",
    link,
    `The link works once, until ${expiryFormat.format(p.invitation.expiresAt)} UTC. If it has ` +
      `expired by the time you get to it, ask ${askAgain} to send a new one.`,
    "Not expecting this? You can ignore this email; nothing happens unless you accept.",
    "Tandem",
  ];
  return {
    to: p.invitation.email,
    subject: firstAdmin
      ? `Set up ${org} on Tandem`
      : inviter
        ? `${inviter} invited you to ${org} on Tandem`
        : `You're invited to join ${org} on Tandem`,
    text: `${paragraphs.join("\n\n")}\n`,
  };
}

async function inviterName(ctx: IssueCtx): Promise<string | null> {
  if (ctx.actor?.kind !== "member") return null;
  const [me] = await ctx.db
    .select({ name: members.displayName })
    .from(members)
    .where(eq(members.id, ctx.actor.memberId));
  return me?.name ? oneLine(me.name) : null;
}

/**
 * The outbox rows of every planned invitation's email, to commit with the invitations; one
 * per invitation id, so issuing the same invitation twice emails once. Without an actor it
 * is the operator's first admin.
 */
export async function invitationEmails(
  ctx: IssueCtx,
  planned: readonly Planned[],
): Promise<OutboxInsert[]> {
  const firstAdmin = ctx.actor === null;
  const inviter = await inviterName(ctx);
  const outbox = ctx.outbox;
  const rows = planned.map((p) =>
    outbox.email(invitationMail(ctx, p, inviter, firstAdmin), `invitation:${p.invitation.id}`),
  );
  return (await Promise.all(rows)).flat();
}

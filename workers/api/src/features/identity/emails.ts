import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/**
 * The emails about a member's own account, in Tandem's voice: who writes, what to do, how long
 * the link works, and what to do if it wasn't them. Plain text reads well everywhere.
 */
interface Recipient {
  displayName: string;
  email: string;
}

const signature = (orgName: string) => `Warmly,\nTandem, on behalf of ${orgName}`;

export function passwordResetEmail(opts: {
  member: Recipient;
  orgName: string;
  url: string;
}): MailMessage {
  const { member, orgName, url } = opts;
  return {
    to: member.email,
    subject: `Reset your Tandem password for ${oneLine(orgName)}`,
    text: [
      `Hi ${member.displayName},`,
      `Someone, hopefully you, asked to reset the password of your Tandem account at ${orgName}` +
        ` (${member.email}). To choose a new one, open this link:`,
      url,
      "The link works once and expires in 1 hour. Setting a new password signs you out on " +
        "every device, so you can start fresh.",
      "If you didn't ask for this, you can ignore this email: your password stays as it is. " +
        "If these emails keep coming, let your program coordinator know.",
      signature(orgName),
    ].join("\n\n"),
  };
}

export function emailChangeEmail(opts: {
  member: Recipient;
  newEmail: string;
  orgName: string;
  url: string;
}): MailMessage {
  const { member, newEmail, orgName, url } = opts;
  return {
    to: newEmail,
    subject: `Confirm your new email address for Tandem at ${oneLine(orgName)}`,
    text: [
      `Hi ${member.displayName},`,
      `You asked to use ${newEmail} for your Tandem account at ${orgName}. ` +
        "To confirm that this address is yours, open this link:",
      url,
      `The link works once and expires in 24 hours. Until you confirm, you keep signing in ` +
        `with ${member.email}.`,
      "If you didn't ask for this, you can ignore this email and nothing will change.",
      signature(orgName),
    ].join("\n\n"),
  };
}

/** To the old address once the change is made, so a takeover cannot go unnoticed. */
export function emailChangedNotice(opts: {
  member: Recipient;
  newEmail: string;
  orgName: string;
}): MailMessage {
  const { member, newEmail, orgName } = opts;
  return {
    to: member.email,
    subject: `Your Tandem email address at ${oneLine(orgName)} was changed`,
    text: [
      `Hi ${member.displayName},`,
      `The email address of your Tandem account at ${orgName} is now ${newEmail}, ` +
        `no longer ${member.email}. From now on, sign in with the new address.`,
      "If you made this change, there is nothing more to do.",
      "If you didn't, please tell your program coordinator right away, so they can secure " +
        "your account.",
      signature(orgName),
    ].join("\n\n"),
  };
}

import { describe, expect, it } from "vitest";
import type { Reminder } from "../../../workers/shared/src/domain/reminders";
import { reminderEmail } from "../../../workers/shared/src/reminders-sweep/emails";

// A reminder email's HTML: every value escaped, one button to act, one small preferences link.
const reminder: Reminder = {
  rule: "goal_review_due",
  recipientId: "m1",
  subjectId: "g1",
  period: "2030-03-20",
  key: "goal_review_due:g1:m1:2030-03-20",
  sendAt: new Date("2030-03-19T09:00:00Z"),
  text: 'Review "Speak <up>" & say how it went.',
};
const email = reminderEmail({
  reminder,
  to: {
    id: "m1",
    displayName: "Ann <img src=x>",
    email: "ann@x.test",
    timeZone: "UTC",
    kept: null,
  },
  orgName: "R&D <Labs>",
  programName: "Peer\nmentoring",
  link: 'https://tandem.test/o/acme/matches/m"1#goals',
  preferencesLink: "https://tandem.test/o/acme/notification-preferences#token=v1.abc.def",
});

describe("the reminder email", () => {
  it("escapes every value it shows in HTML", () => {
    const html = email.html!;
    expect(html).toContain("Hi Ann &lt;img src=x&gt;,");
    expect(html).toContain("Review &quot;Speak &lt;up&gt;&quot; &amp; say how it went.");
    expect(html).toContain("on behalf of R&amp;D &lt;Labs&gt;");
    expect(html).toContain('href="https://tandem.test/o/acme/matches/m&quot;1#goals"');
    expect(html).not.toMatch(/<img|<up>|<Labs>/);
  });

  it("has one button to the thing to do and one small link to change reminders", () => {
    const links = [...email.html!.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)];
    expect(links.map(([, href, words]) => [href, words])).toEqual([
      ["https://tandem.test/o/acme/matches/m&quot;1#goals", "Review the goal"],
      [
        "https://tandem.test/o/acme/notification-preferences#token=v1.abc.def",
        "Change how Tandem reminds you",
      ],
    ]);
    expect(email.html).toContain('<html lang="en">');
  });

  it("says the same in plain text, the subject on one line", () => {
    expect(email.subject).toBe("Time to review a goal in Peer mentoring");
    expect(email.text).toMatch(/^Hi Ann <img src=x>,/);
    expect(email.text).toContain(
      "Change how Tandem reminds you: https://tandem.test/o/acme/notification-preferences#token=v1.abc.def",
    );
  });
});

import type { Io } from "./commands";
import { type DemoReport, demoProgramName } from "./seed";

/** What a newcomer needs to walk through the demo at once: where, as whom, with what. */
export function printDemo(io: Io, report: DemoReport): void {
  const { counts, accounts } = report;
  io.out(
    report.created
      ? `demo organization "${report.slug}" created: a coordinator, ${counts.mentors} mentors and ${counts.mentees} mentees`
      : `demo organization "${report.slug}" already set up; its accounts get a new password`,
  );
  io.out(
    `"${demoProgramName}" is running: every mentor and mentee applied with a profile, was approved and did the training`,
  );
  io.out(
    `${counts.pairs} mentor–mentee pairs are matched; the program's Matching tab shows why each pair fits`,
  );
  io.out("");
  io.out(`Sign in at ${report.signIn}`);
  io.out(`with this password, the same for every demo account (shown only now; run`);
  io.out("`npx tandem seed demo` again for a new one):");
  io.out("");
  io.out(`  ${report.password}`);
  io.out("");
  io.out(`  coordinator (admin)  ${accounts.coordinator}`);
  io.out(`  a mentor             ${accounts.mentor}`);
  io.out(`  a mentee             ${accounts.mentee}`);
  io.out("");
  io.out("Signed in as the coordinator, Members lists every other demo account.");
}

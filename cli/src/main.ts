import { AppError } from "../../workers/shared/src/contracts/common/errors";
import { describeError } from "../../workers/shared/src/platform/log";
import { parseCommandLine } from "./args";
import { runCommand } from "./commands";

/** `tandem <noun> <verb> [--options]`: exits 0 on success, 1 on failure, 2 on misuse. */
const parsed = parseCommandLine(process.argv.slice(2));

if (parsed.kind === "help") {
  console.log(parsed.text);
} else if (parsed.kind === "misuse") {
  console.error(parsed.message);
  process.exitCode = 2;
} else {
  try {
    process.exitCode = await runCommand(parsed.command, parsed.values, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } catch (err) {
    console.error(
      err instanceof AppError ? `error: ${err.message}` : `error: ${describeError(err)}`,
    );
    process.exitCode = 1;
  }
}

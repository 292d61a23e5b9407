import { parseArgs } from "node:util";
import { AppError } from "../../workers/shared/src/contracts/common/errors";
import { describeError } from "../../workers/shared/src/platform/log";
import { runCommand, usage } from "./commands";

/** `tandem <noun> <verb> [--options]`: exits 0 on success, 1 on failure, 2 on misuse. */
const { positionals, values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    slug: { type: "string" },
    name: { type: "string" },
    kind: { type: "string" },
    concurrency: { type: "string" },
    to: { type: "string" },
    "admin-email": { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: false,
});

if (values.help || positionals.length === 0) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

try {
  process.exitCode = await runCommand(positionals, values, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (err) {
  console.error(err instanceof AppError ? `error: ${err.message}` : `error: ${describeError(err)}`);
  process.exitCode = 1;
}

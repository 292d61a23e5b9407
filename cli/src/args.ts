import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export type Values = Record<string, string | boolean | undefined>;

interface CommandSpec {
  /** The line(s) of help after `tandem <command>`. */
  help: string;
  options: Options;
  /** Options it cannot do without; checked before anything is opened. */
  required: string[];
}

const string = { type: "string" } as const;
const json = { type: "boolean", default: false } as const;

export const commandSpecs: Record<string, CommandSpec> = {
  "tenant create": {
    help: `--slug <slug> --name <name> --kind university|company|other
                [--admin-email <email>]   and invite that address as its first admin`,
    options: { slug: string, name: string, kind: string, "admin-email": string, json },
    required: ["slug", "name", "kind"],
  },
  "tenant invite-admin": {
    help: "--slug <slug> --admin-email <email>   invite one more admin",
    options: { slug: string, "admin-email": string, json },
    required: ["slug", "admin-email"],
  },
  "tenant list": { help: "[--json]", options: { json }, required: [] },
  "tenant suspend": { help: "--slug <slug>", options: { slug: string }, required: ["slug"] },
  "tenant resume": { help: "--slug <slug>", options: { slug: string }, required: ["slug"] },
  migrate: {
    help: "[--concurrency 4]     apply control and tenant migrations",
    options: { concurrency: string },
    required: [],
  },
  "seed demo": {
    help: '                   the "demo" organization: a running program, its cohort, sign-in',
    options: {},
    required: [],
  },
  "mail list": {
    help: "[--to <email>] [--json]   the dev mailbox: emails sent while no provider is configured",
    options: { to: string, json },
    required: [],
  },
};

const usageLine = (name: string) => `  ${name} ${commandSpecs[name]!.help}`;

export const usage = `Usage: tandem <command> [options]

${Object.keys(commandSpecs).map(usageLine).join("\n")}

Add --help after a command for its own usage.
Environment: DATA_DIR (default ./data), or CONTROL_DB_URL + DB_TOKEN_KEY (+ TURSO_ORG,
TURSO_GROUP, TURSO_API_TOKEN to provision on Turso) to operate a deployment.`;

/** The usage of every command starting with `prefix` ("tenant", or "tenant create"). */
export function usageOf(prefix: string): string {
  const names = Object.keys(commandSpecs).filter((n) => n === prefix || n.startsWith(`${prefix} `));
  return `Usage:\n${names.map((n) => usageLine(n).replace(/^ {2}/, "  tandem ")).join("\n")}`;
}

export type Parsed =
  | { kind: "run"; command: string; values: Values }
  | { kind: "help"; text: string }
  | { kind: "misuse"; message: string };

const groups = new Set(Object.keys(commandSpecs).map((n) => n.split(" ")[0]!));
const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";

/** Reads `tandem <noun> [<verb>] [--options]`: every mistake is named, nothing is ignored. */
export function parseCommandLine(args: readonly string[]): Parsed {
  const [noun, verb] = args;
  if (noun === undefined) return { kind: "misuse", message: usage };
  if (isHelp(noun)) return { kind: "help", text: usage };
  if (!groups.has(noun))
    return { kind: "misuse", message: `unknown command "${noun}"\n\n${usage}` };
  let command = noun;
  if (!(noun in commandSpecs)) {
    if (verb === undefined || verb.startsWith("-")) {
      if (isHelp(verb)) return { kind: "help", text: usageOf(noun) };
      return {
        kind: "misuse",
        message: `"tandem ${noun}" needs a subcommand.\n\n${usageOf(noun)}`,
      };
    }
    command = `${noun} ${verb}`;
    if (!(command in commandSpecs)) {
      return { kind: "misuse", message: `unknown command "${command}"\n\n${usageOf(noun)}` };
    }
  }
  const spec = commandSpecs[command]!;
  const rest = args.slice(command.split(" ").length);
  if (rest.some(isHelp)) return { kind: "help", text: usageOf(command) };
  let values: Values;
  try {
    // No option is declared `multiple`, so no value is an array.
    values = parseArgs({ args: [...rest], options: spec.options, strict: true }).values as Values;
  } catch (err) {
    // Node's first two lines name the option and the likely slip; the third is a syntax aside.
    const message = err instanceof Error ? err.message.split("\n").slice(0, 2).join(" ") : `${err}`;
    return { kind: "misuse", message: `${message}\n\n${usageOf(command)}` };
  }
  const missing = spec.required.filter((option) => typeof values[option] !== "string");
  if (missing.length > 0) {
    const list = missing.map((o) => `--${o}`).join(", ");
    return { kind: "misuse", message: `missing ${list}\n\n${usageOf(command)}` };
  }
  return { kind: "run", command, values };
}

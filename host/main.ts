import { describeError } from "../workers/shared/src/platform/log";
import { startHost } from "./server";

/** `npm start`: the embedded default, configured by PORT and DATA_DIR alone. */
try {
  const host = await startHost({
    port: Number(process.env.PORT ?? 8787),
    dataDir: process.env.DATA_DIR ?? "data",
  });
  console.log(`Tandem is running at ${host.url}`);
  // The first thing a newcomer needs: an organization to sign in to.
  console.log(
    [
      "New here? In another terminal, create your organization and its first admin:",
      '  npx tandem tenant create --slug <slug> --name "<name>" --kind university|company|other --admin-email <you>',
      "or look around a ready-made one: npx tandem seed demo",
    ].join("\n"),
  );
  const stop = () => void host.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (err) {
  console.error(`Tandem could not start: ${describeError(err)}`);
  process.exit(1);
}

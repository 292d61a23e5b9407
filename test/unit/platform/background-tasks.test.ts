import { expect, it } from "vitest";
import { BackgroundTasks } from "../../../workers/shared/src/platform/background";
import { jsonLogger } from "../../../workers/shared/src/platform/log";

it("runs tasks after the caller moves on, logs failures by name, and reports when idle", async () => {
  const lines: string[] = [];
  const tasks = new BackgroundTasks(jsonLogger((line) => lines.push(line)));
  const done: string[] = [];
  const handedOver: Promise<unknown>[] = [];
  tasks.run("send welcome", async () => {
    await new Promise((r) => setTimeout(r, 20));
    done.push("welcome");
  });
  tasks.run(
    "send reset",
    async () => {
      throw new Error("provider down");
    },
    (p) => handedOver.push(p),
  );
  expect(done).toEqual([]);
  expect(handedOver).toHaveLength(1);

  await tasks.idle();
  expect(done).toEqual(["welcome"]);
  const failure = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "background task failed");
  expect(failure).toMatchObject({ level: "error", task: "send reset", error: "provider down" });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { DevMailbox } from "../../../host/dev-mailbox";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function mailboxFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-mailbox-"));
  dirs.push(dir);
  return join(dir, "mailbox.jsonl");
}

const message = (subject: string) => ({ to: "Ada@Example.org", subject, text: "Hello" });

it("keeps one message per idempotency key, like a provider honouring Idempotency-Key", async () => {
  const mailbox = new DevMailbox(mailboxFile());
  await mailbox.send(message("first"), { idempotencyKey: "t1:invitation:1" });
  await mailbox.send(message("again"), { idempotencyKey: "t1:invitation:1" });
  await mailbox.send(message("second"), { idempotencyKey: "t1:invitation:2" });
  expect(mailbox.list({ to: "ada@example.org" }).map((m) => m.subject)).toEqual([
    "second",
    "first",
  ]);
});

it("remembers keys written by another process sharing the data folder", async () => {
  const file = mailboxFile();
  await new DevMailbox(file).send(message("from the CLI"), { idempotencyKey: "t1:k" });
  const host = new DevMailbox(file);
  await host.send(message("from the host"), { idempotencyKey: "t1:k" });
  expect(host.list().map((m) => m.subject)).toEqual(["from the CLI"]);
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MailNotSent } from "../../../workers/shared/src/platform/mail";
import { HttpMailTransport } from "../../../workers/shared/src/platform/mail-http";
import { type MailProvider, providerKey, startMailProvider } from "../../support/mail-provider";

// The transport against a local server standing in for the provider's HTTP API.
let provider: MailProvider;
let transport: HttpMailTransport;
beforeAll(async () => {
  provider = await startMailProvider();
  transport = new HttpMailTransport({
    apiUrl: provider.url,
    apiKey: providerKey,
    from: "Tandem <no-reply@tandem.test>",
    timeoutMs: 500,
  });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.requests.length = 0;
  provider.script.length = 0;
  provider.delayMs = 0;
});

const message = {
  to: "ada@example.org",
  subject: "Hello",
  text: "Open http://x.test/#token=s3cret",
};
let n = 0;
const send = () => transport.send(message, { idempotencyKey: `tenant-1:test:${++n}` });

async function failure(): Promise<MailNotSent> {
  const err = await send().then(
    () => expect.fail("expected the send to fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MailNotSent);
  return err as MailNotSent;
}

describe("HttpMailTransport", () => {
  it("posts the message as JSON with the bearer key and the Idempotency-Key header", async () => {
    await send();
    const [sent] = provider.requests;
    expect(sent!.headers["idempotency-key"]).toBe(`tenant-1:test:${n}`);
    expect(sent!.headers.authorization).toBe(`Bearer ${providerKey}`);
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(sent!.body).toEqual({ from: "Tandem <no-reply@tandem.test>", ...message });
  });

  it.each([400, 401, 403, 404, 422])("a %i is permanent: sending again cannot help", async (s) => {
    provider.script.push(s);
    const err = await failure();
    expect(err.permanent).toBe(true);
    expect(err.message).toBe(`The email provider refused the message (${s}).`);
  });

  it.each([408, 409, 429, 500, 502, 503])("a %i is transient: worth another try", async (s) => {
    provider.script.push(s);
    expect((await failure()).permanent).toBe(false);
  });

  it("an unreachable provider and a slow one are transient, and name no secret", async () => {
    const nowhere = new HttpMailTransport({
      apiUrl: "http://127.0.0.1:9/emails",
      apiKey: providerKey,
      from: "x@tandem.test",
    });
    const err = await nowhere.send(message, { idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ permanent: false });
    expect((err as Error).message).toMatch(/^The email provider could not be reached/);
    provider.delayMs = 800;
    const slow = await failure();
    expect(slow.permanent).toBe(false);
    for (const e of [err as Error, slow]) {
      expect(e.message).not.toContain(providerKey);
      expect(e.message).not.toContain("s3cret");
    }
  });
});

import { describe, expect, it } from "vitest";
import { maskedUrl, webhookUrlProblem } from "../../../workers/api/src/features/webhooks/url";

describe("which URLs can be webhook targets", () => {
  it.each([
    "https://hooks.slack.com/services/T00/B00/XXXX",
    "https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456",
    "https://example.com/hook?token=abc",
  ])("accepts the public https address %s", (url) => {
    expect(webhookUrlProblem(url, false)).toBeNull();
  });

  it.each([
    ["http://hooks.slack.com/services/x", "https://"],
    ["ws://hooks.example.com/x", "https://"],
    ["data:text/plain,hi", "https://"],
    ["https://u:p@hooks.example.com/x", "user name or password"],
    ["https://hooks.example.com:444/x", "default https port"],
    ["https://127.0.0.1/x", "inside a network"],
    ["https://192.168.1.10/x", "inside a network"],
    ["https://172.20.0.1/x", "inside a network"],
    ["https://169.254.169.254/latest", "inside a network"],
    ["https://[::1]/x", "inside a network"],
    ["https://intranet.localhost/x", "inside a network"],
    ["http://localhost:8080/x", "https://"],
    ["hooks.slack.com/services/x", "web address"],
  ])("refuses %s", (url, words) => {
    expect(webhookUrlProblem(url, false)).toContain(words);
  });

  it("accepts local http addresses only where the platform allows them", () => {
    for (const url of ["http://127.0.0.1:4000/hook", "http://localhost:4000/hook"]) {
      expect(webhookUrlProblem(url, false)).not.toBeNull();
      expect(webhookUrlProblem(url, true)).toBeNull();
    }
    expect(webhookUrlProblem("http://10.0.0.1:4000/hook", true)).not.toBeNull();
  });
});

describe("how a target's URL is shown", () => {
  it("keeps the host and a short first segment, and hides the rest", () => {
    expect(maskedUrl("https://hooks.slack.com/services/T00/B00/XXXX")).toBe(
      "hooks.slack.com/services/••••",
    );
    expect(maskedUrl("https://example.com/averyveryverylongsecretsegment")).toBe(
      "example.com/••••",
    );
    expect(maskedUrl("https://example.com/hook?token=abc")).toBe("example.com/••••");
  });
});

import { expect } from "vitest";
import type { Problem } from "../../workers/shared/src/contracts/common/errors";

/**
 * Asserts the whole problem+json contract of an error response and returns its body.
 * Typed as Required so tests can read `errors` directly; where it is absent those reads fail.
 */
export async function expectProblem(
  res: Response,
  status: number,
  code: string,
): Promise<Required<Problem>> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Required<Problem>;
  expect(body).toMatchObject({ status, code });
  expect(body.type).toBe(`https://tandem.dev/problems/${code.replaceAll("_", "-")}`);
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

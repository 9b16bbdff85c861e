/**
 * `createTestClient`: the client preset for contract tests against the mock kit. The same
 * pipeline, retries and validation as production, without the waits that only protect GitHub:
 * no backoff between retries and no client-side throttling (GitHub asks for writes 1 s apart).
 */
import { CopilotClient } from "./client.js";
import type { ClientOptions } from "./core/options.js";

/** The mock a test client talks to: a `startMockServer` result, or a `createCopilotMock` mock (msw). */
export type TestClientMock = { url: string; token: string } | { origins: { baseUrl: string } };

/** Options of {@link createTestClient}: every client option, and the mock to aim at. */
export interface TestClientOptions extends ClientOptions {
  /**
   * Sets `baseUrl` (the server's `url`, or the msw mock's `origins.baseUrl`) and `auth` (the
   * server's `token`, else `"test-token"`, which the mock accepts unless it was given `tokens`),
   * unless those options are given too.
   */
  mock?: TestClientMock;
}

/**
 * A {@link CopilotClient} for tests: `retry` with `baseDelayMs: 0` and `maxDelayMs: 0` (retries
 * happen at once; the retry count, budget and write rules are unchanged), `throttle: false`
 * (no write spacing, no concurrency cap). Options given win, field by field for `retry`.
 * Rate-limit waits a fault asks for (`retryAfter`) are still honoured: they are the behaviour
 * under test (use `retryAfter: 0`, or `retry: { maxRetryAfterMs: 0 }` to get the error at once).
 *
 * @throws {RequestValidationError} for a malformed `baseUrl`, as the constructor does.
 */
export function createTestClient(options: TestClientOptions = {}): CopilotClient {
  const { mock, ...rest } = options;
  const baseUrl = mock ? ("url" in mock ? mock.url : mock.origins.baseUrl) : undefined;
  const auth = mock && "token" in mock ? mock.token : "test-token";
  return new CopilotClient({
    ...(baseUrl ? { baseUrl } : {}),
    auth,
    throttle: false,
    ...rest,
    retry: rest.retry === false ? false : { baseDelayMs: 0, maxDelayMs: 0, ...rest.retry },
  });
}

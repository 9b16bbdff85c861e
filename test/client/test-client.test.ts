/**
 * `createTestClient`: aimed at the mock, retries at once (0 ms backoff), and the caller's
 * options win.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestClient, InternalServerError, type Logger } from "../../src/index.js";
import { createCopilotMock, startMockServer } from "../../src/mock/index.js";

const mock = createCopilotMock({ seed: { orgs: ["octo-org"], seats: 5, random: 3 } });
const server = setupServer(...mock.handlers);
// "bypass": the last test talks to a loopback server, outside msw.
beforeAll(() => server.listen({ onUnhandledRequest: "bypass" }));
beforeEach(() => mock.reset());
afterAll(() => server.close());

function debugLog(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const keep = (message: string) => lines.push(message);
  return { lines, logger: { debug: keep, info: keep, warn: keep, error: keep } };
}

describe("createTestClient", () => {
  it("retries a failing read at once, as many times as production would", async () => {
    const { logger, lines } = debugLog();
    mock.faults.next({ status: 502 }, { status: 502 }, { status: 503 });
    const billing = await createTestClient({ mock, logger }).billing.get({ org: "octo-org" });
    expect(billing.seat_management_setting).toBe("assign_selected");
    const retries = lines.filter((line) => line.includes("retrying GET"));
    expect(retries).toHaveLength(3);
    for (const line of retries) expect(line).toMatch(/ in 0 ms /);
    expect(mock.requests.map((r) => r.status)).toEqual([502, 502, 503, 200]);
  });

  it("keeps the retry count and the caller's retry options", async () => {
    mock.faults.next({ status: 502 }, { status: 502 });
    const error = await createTestClient({ mock, retry: { retries: 1 } })
      .billing.get({ org: "octo-org" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(mock.requests).toHaveLength(2);
  });

  it("takes a loopback server's url and token", async () => {
    const loopback = await startMockServer({ seed: { orgs: ["octo-org"], seats: 3, random: 1 } });
    try {
      const seats = await createTestClient({ mock: loopback })
        .seats.list({ org: "octo-org" })
        .toArray();
      expect(seats).toHaveLength(loopback.mock.state.orgs.get("octo-org")?.seats.length ?? -1);
      expect(loopback.mock.requests[0]?.headers.authorization).toBe(`Bearer ${loopback.token}`);
    } finally {
      await loopback.close();
    }
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { createCopilotMock, SECONDARY_LIMIT_MESSAGE } from "../../src/mock/index.js";
import { API, call, useMock } from "./harness.js";

const mock = useMock();

afterEach(() => {
  vi.useRealTimers();
});

describe("faults", () => {
  it("answers queued faults in order, one request each, then resumes normal answers", async () => {
    mock.faults.next(
      { status: 429, retryAfter: 1 },
      { status: 502, body: "Bad Gateway", headers: { "x-extra": "1" } },
    );
    expect(mock.faults.pending).toBe(2);
    const first = await call("/orgs/octo-org/copilot/billing");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.headers.get("x-github-request-id")).toMatch(/^MOCK:/);
    const second = await call("/orgs/octo-org/copilot/billing");
    expect(second).toMatchObject({ status: 502, body: "Bad Gateway" });
    expect(second.headers.get("x-extra")).toBe("1");
    expect((await call("/orgs/octo-org/copilot/billing")).status).toBe(200);
    expect(mock.faults.pending).toBe(0);
  });

  it("keeps a download-only fault for the download origin", async () => {
    mock.faults.next({ status: 500, target: "download" });
    const report = await call(
      "/orgs/octo-org/copilot/metrics/reports/organization-1-day?day=2026-03-14",
    );
    expect(report.status).toBe(200);
    expect((await fetch(report.body.download_links[0])).status).toBe(500);
  });

  it("refuses with GitHub's secondary rate limit answer while the mode lasts", async () => {
    mock.faults.secondaryLimit({ retryAfter: 30, requests: 2 });
    for (let i = 0; i < 2; i++) {
      const answer = await call("/orgs/octo-org/copilot/billing/seats");
      expect(answer.status).toBe(403);
      expect(answer.body.message).toBe(SECONDARY_LIMIT_MESSAGE);
      expect(answer.headers.get("retry-after")).toBe("30");
    }
    expect((await call("/orgs/octo-org/copilot/billing/seats")).status).toBe(200);
  });

  it("queues a primary rate limit answer with a reset time", async () => {
    mock.faults.primaryLimit(120);
    const answer = await call("/orgs/octo-org/copilot/billing");
    expect(answer.status).toBe(403);
    expect(answer.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(answer.headers.get("x-ratelimit-reset")).toBe(
      String(Date.parse("2026-03-15T12:02:00Z") / 1000),
    );
  });

  it("drops the connection: fetch rejects with a network error", async () => {
    mock.faults.drop();
    await expect(
      fetch(`${API}/orgs/octo-org/copilot/billing`, { headers: { authorization: "Bearer t" } }),
    ).rejects.toThrow(TypeError);
    expect(mock.requests.at(-1)?.status).toBe(0);
    expect((await call("/orgs/octo-org/copilot/billing")).status).toBe(200);
  });

  it("truncates the JSON body, keeping the real status", async () => {
    mock.faults.malformedJson();
    const response = await fetch(`${API}/orgs/octo-org/copilot/billing`, {
      headers: { authorization: "Bearer t" },
    });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("waits the configured latency before answering", async () => {
    vi.useFakeTimers();
    mock.faults.setLatency(5_000);
    let answered = false;
    const pending = mock
      .handle(
        new Request(`${API}/orgs/octo-org/copilot/billing`, {
          headers: { authorization: "Bearer t" },
        }),
      )
      .then((response) => {
        answered = true;
        return response;
      });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending)?.status).toBe(200);
  });

  it("clear() removes queued faults, latency and the secondary-limit mode", async () => {
    mock.faults.next({ status: 500 }).secondaryLimit().setLatency(10_000);
    mock.faults.clear();
    expect((await call("/orgs/octo-org/copilot/billing")).status).toBe(200);
  });
});

describe("recorded requests", () => {
  it("records method, path, headers, parsed body and status", async () => {
    await call("/orgs/octo-org/copilot/billing/selected_users?x=1", {
      method: "POST",
      body: { selected_usernames: ["nobody-here"] },
      token: "abc",
    });
    const [request] = mock.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: "/orgs/octo-org/copilot/billing/selected_users?x=1",
      origin: "api",
      body: { selected_usernames: ["nobody-here"] },
      status: 422,
      at: "2026-03-15T12:00:00Z",
    });
    expect(request?.headers.authorization).toBe("Bearer abc");
  });

  it("records downloads separately, so tests can assert no token reached them", async () => {
    const report = await call(
      "/orgs/octo-org/copilot/metrics/reports/organization-1-day?day=2026-03-14",
    );
    await fetch(report.body.download_links[0]);
    const downloads = mock.requests.filter((r) => r.origin === "download");
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.headers.authorization).toBeUndefined();
    expect(downloads[0]?.status).toBe(200);
  });

  it("keeps only the latest maxRecordedRequests", async () => {
    const small = createCopilotMock({ maxRecordedRequests: 2, seed: { seats: 2 } });
    for (const page of [1, 2, 3]) {
      await small.handle(
        new Request(`${API}/orgs/octo-org/copilot/billing/seats?page=${page}`, {
          headers: { authorization: "Bearer t" },
        }),
      );
    }
    expect(small.requests.map((r) => r.path)).toEqual([
      "/orgs/octo-org/copilot/billing/seats?page=2",
      "/orgs/octo-org/copilot/billing/seats?page=3",
    ]);
  });
});

describe("faults with match", () => {
  const CANCEL = "copilot/cancel-copilot-seat-assignment-for-users";

  it("waits for the first request of its operation: the GET before the DELETE is answered normally", async () => {
    mock.faults.next({ status: 502, match: { operation: CANCEL } });
    const seats = await call("/orgs/octo-org/copilot/billing/seats");
    expect(seats.status).toBe(200);
    const login = seats.body.seats.find((s: { assigning_team?: unknown }) => !s.assigning_team)
      .assignee.login;
    expect(mock.faults.pending).toBe(1);
    const other = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "POST",
      body: { selected_usernames: [login] },
    });
    expect(other.status).toBe(201);
    const cancel = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "DELETE",
      body: { selected_usernames: [login] },
    });
    expect(cancel.status).toBe(502);
    expect(mock.faults.pending).toBe(0);
    expect(mock.requests.map((r) => [r.method, r.status])).toEqual([
      ["GET", 200],
      ["POST", 201],
      ["DELETE", 502],
    ]);
  });

  it("matches method and a path template, and leaves unmatched faults queued in order", async () => {
    mock.faults.next(
      { status: 503, match: { method: "get", path: "/orgs/{org}/copilot/billing" } },
      { status: 500 },
    );
    // The unconditional fault is later in the queue but the first to apply to this request.
    expect((await call("/orgs/octo-org/copilot/billing/seats")).status).toBe(500);
    expect((await call("/orgs/octo-labs/copilot/billing")).status).toBe(503);
    expect((await call("/orgs/octo-labs/copilot/billing")).status).toBe(200);
  });

  it("refuses an operation the spec does not have, before queueing anything", () => {
    expect(() =>
      mock.faults.next({ status: 500 }, { status: 502, match: { operation: "copilot/nope" } }),
    ).toThrow(/not an operationId of the bundled spec/);
    expect(mock.faults.pending).toBe(0);
  });
});

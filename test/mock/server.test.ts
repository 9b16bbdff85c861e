import { spawn } from "node:child_process";
import { Octokit } from "octokit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCopilotMock, type MockServer, startMockServer } from "../../src/mock/index.js";

const NOW = new Date("2026-03-15T12:00:00Z");
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    seed: { orgs: ["octo-org", "octo-labs"], seats: 230, random: 5 },
    now: () => NOW,
  });
});

afterAll(async () => {
  await server.close();
});

function octokit(): Octokit {
  return new Octokit({
    auth: server.token,
    baseUrl: server.url,
    throttle: { enabled: false },
    retry: { enabled: false },
  });
}

describe("startMockServer", () => {
  it("listens on 127.0.0.1 with downloads on a second origin", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.downloadUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.downloadUrl).not.toBe(server.url);
  });

  it("gives Octokit's paginate every seat, following Link headers on the server's URL", async () => {
    const client = octokit();
    const seats = await client.paginate(
      "GET /orgs/{org}/copilot/billing/seats",
      { org: "octo-org", per_page: 100 },
      (response) => response.data.seats ?? [],
    );
    expect(seats).toHaveLength(230);
    const requests = server.mock.requests.filter((r) =>
      r.path.startsWith("/orgs/octo-org/copilot/billing/seats"),
    );
    expect(requests.map((r) => new URL(r.url).searchParams.get("page"))).toEqual([null, "2", "3"]);
  });

  it("applies Octokit's seat add and remove to the state, visible in billing", async () => {
    const client = octokit();
    const org = server.mock.state.orgs.get("octo-org");
    const seated = new Set(org?.seats.map((s) => s.userId));
    const newcomer = [...(org?.members ?? [])].find((id) => !seated.has(id));
    const login = server.mock.state.users.get(newcomer ?? -1)?.login ?? "";
    const before = await client.request("GET /orgs/{org}/copilot/billing", { org: "octo-org" });
    const added = await client.request("POST /orgs/{org}/copilot/billing/selected_users", {
      org: "octo-org",
      selected_usernames: [login],
    });
    expect(added.status).toBe(201);
    expect(added.data.seats_created).toBe(1);
    const removed = await client.request("DELETE /orgs/{org}/copilot/billing/selected_users", {
      org: "octo-org",
      selected_usernames: [login],
    });
    expect(removed.data.seats_cancelled).toBe(1);
    const after = await client.request("GET /orgs/{org}/copilot/billing", { org: "octo-org" });
    expect(after.data.seat_breakdown.total).toBe((before.data.seat_breakdown.total ?? 0) + 1);
    expect(after.data.seat_breakdown.pending_cancellation).toBe(
      (before.data.seat_breakdown.pending_cancellation ?? 0) + 1,
    );
    const seat = await client.request("GET /orgs/{org}/members/{username}/copilot", {
      org: "octo-org",
      username: login,
    });
    expect(seat.data.pending_cancellation_date).toBe("2026-04-01");
  });

  it("surfaces GitHub's 422 to Octokit as a RequestError", async () => {
    await expect(
      octokit().request("POST /orgs/{org}/copilot/billing/selected_users", {
        org: "octo-org",
        selected_usernames: [],
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("serves report files on the download origin and refuses the token there", async () => {
    const report = await octokit().request(
      "GET /orgs/{org}/copilot/metrics/reports/organization-1-day",
      {
        org: "octo-org",
        day: "2026-03-14",
      },
    );
    const link = report.data.download_links[0] ?? "";
    expect(link.startsWith(`${server.downloadUrl}/`)).toBe(true);
    expect((await fetch(link)).status).toBe(200);
    expect(
      (await fetch(link, { headers: { authorization: `Bearer ${server.token}` } })).status,
    ).toBe(400);
  });

  it("destroys the socket for a dropped-connection fault", async () => {
    server.mock.faults.drop();
    await expect(
      fetch(`${server.url}/orgs/octo-org/copilot/billing`, {
        headers: { authorization: "Bearer t" },
      }),
    ).rejects.toThrow(TypeError);
    expect(
      (
        await fetch(`${server.url}/orgs/octo-org/copilot/billing`, {
          headers: { authorization: "Bearer t" },
        })
      ).status,
    ).toBe(200);
  });

  it("serves an existing mock's state on loopback", async () => {
    const mock = createCopilotMock({ seed: { seats: 3 }, now: () => NOW });
    const other = await startMockServer({ mock });
    try {
      const response = await fetch(`${other.url}/orgs/octo-org/copilot/billing/seats`, {
        headers: { authorization: `Bearer ${other.token}` },
      });
      expect(((await response.json()) as { total_seats: number }).total_seats).toBe(3);
      expect(mock.requests.at(-1)?.url.startsWith(other.url)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

/** Collects a stream's text until `pattern` matches, failing after `ms`. */
function readUntil(stream: NodeJS.ReadableStream, pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => {
      stream.off("data", onData);
      reject(new Error(`no match within ${ms} ms: ${text}`));
    }, ms);
    function onData(chunk: Buffer) {
      text += chunk.toString();
      if (!pattern.test(text)) return;
      clearTimeout(timer);
      stream.off("data", onData);
      resolve(text);
    }
    stream.on("data", onData);
  });
}

describe("copilot-mock bin", () => {
  it("prints the base URL and a token that work", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/mock/cli.ts", "--port", "0", "--seats", "4", "--seed", "9"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const output = await readUntil(child.stdout, /token:\s+\S+/, 15_000);
      const url = /base URL:\s+(\S+)/.exec(output)?.[1];
      const token = /token:\s+(\S+)/.exec(output)?.[1];
      const response = await fetch(`${url}/orgs/octo-org/copilot/billing/seats`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await response.json()) as { total_seats: number }).total_seats).toBe(4);
    } finally {
      child.kill("SIGTERM");
    }
  }, 20_000);
});

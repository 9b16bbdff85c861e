/**
 * `copilot-mock` as a process, driven the way a test suite in another language drives it: plain
 * HTTP (node's fetch) against its control API on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type MockProcess,
  runScript,
  startMockProcess,
  WITHOUT_MSW,
} from "../support/processes.js";

const CANCEL = "copilot/cancel-copilot-seat-assignment-for-users";

describe("copilot-mock control API", { timeout: 60_000 }, () => {
  let mock: MockProcess;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${mock.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${mock.token}`, "content-type": "application/json" },
    });

  beforeAll(async () => {
    mock = await startMockProcess([
      "--orgs",
      "octo-org",
      "--seats",
      "30",
      "--policy",
      "assign_selected",
    ]);
  });
  afterAll(() => mock?.stop());

  it("injects a fault on one operation only: the GET passes, the DELETE of that operation fails", async () => {
    const queued = await api("/_mock/faults", {
      method: "POST",
      body: JSON.stringify({
        status: 502,
        body: { message: "Bad Gateway" },
        match: { operation: CANCEL },
      }),
    });
    expect(queued.status).toBe(201);
    expect(await queued.json()).toEqual({ pending: 1 });

    const seats = await api("/orgs/octo-org/copilot/billing/seats?per_page=100");
    expect(seats.status).toBe(200);
    const body = (await seats.json()) as {
      seats: { assignee: { login: string } | null; assigning_team?: unknown }[];
    };
    const login = body.seats.find((s) => !s.assigning_team && s.assignee)?.assignee?.login;
    expect(login).toBeTruthy();

    const state = (await (await api("/_mock/state")).json()) as { faults: { pending: number } };
    expect(state.faults.pending).toBe(1);

    const cancel = await api("/orgs/octo-org/copilot/billing/selected_users", {
      method: "DELETE",
      body: JSON.stringify({ selected_usernames: [login] }),
    });
    expect(cancel.status).toBe(502);
    const again = await api("/orgs/octo-org/copilot/billing/selected_users", {
      method: "DELETE",
      body: JSON.stringify({ selected_usernames: [login] }),
    });
    expect(again.status).toBe(200);

    const log = (await (await api("/_mock/requests")).json()) as {
      method: string;
      status: number;
      headers: Record<string, string>;
    }[];
    expect(log.map((r) => `${r.method} ${r.status}`)).toEqual([
      "GET 200",
      "DELETE 502",
      "DELETE 200",
    ]);
    expect(log.every((r) => r.headers.authorization === "<redacted>")).toBe(true);
  });

  it("refuses a malformed fault and an unknown operation with 400 and a message", async () => {
    const bad = await api("/_mock/faults", {
      method: "POST",
      body: JSON.stringify({ status: "soon" }),
    });
    expect(bad.status).toBe(400);
    const unknown = await api("/_mock/faults", {
      method: "POST",
      body: JSON.stringify([{ status: 500, match: { operation: "copilot/nope" } }]),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/copilot\/nope/);
    const reset = await api("/_mock/reset", { method: "POST" });
    expect(reset.status).toBe(204);
    const state = (await (await api("/_mock/state")).json()) as {
      faults: { pending: number };
      requests: number;
    };
    expect(state).toMatchObject({ faults: { pending: 0 }, requests: 0 });
  });
});

describe("copilot-mock flags", { timeout: 60_000 }, () => {
  it("takes --policy and --fault, and shows them in the state", async () => {
    const mock = await startMockProcess([
      "--policy",
      "assign_all",
      "--fault",
      JSON.stringify({
        status: 503,
        match: { method: "GET", path: "/orgs/{org}/copilot/billing" },
      }),
    ]);
    try {
      const billing = await fetch(`${mock.url}/orgs/octo-org/copilot/billing`, {
        headers: { authorization: `Bearer ${mock.token}` },
      });
      expect(billing.status).toBe(503);
      const state = (await (await fetch(`${mock.url}/_mock/state`)).json()) as {
        orgs: { seat_management_setting: string }[];
      };
      expect(state.orgs[0]?.seat_management_setting).toBe("assign_all");
    } finally {
      await mock.stop();
    }
  });

  it("--help lists every flag with its default", async () => {
    const { code, stdout } = await runScript("src/mock/cli.ts", ["--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--port",
      "--seed",
      "--seats",
      "--orgs",
      "--enterprise",
      "--policy",
      "--latency",
      "--fault",
    ])
      expect(stdout).toContain(flag);
    expect(stdout).toMatch(/--seats N\s+seats per organization \(default 50\)/);
    expect(stdout).toContain("(default assign_selected)");
  });

  it("without msw, says in one line how to install it", async () => {
    const { code, stderr } = await runScript("src/mock/cli.ts", [], { nodeArgs: WITHOUT_MSW });
    expect(code).toBe(1);
    expect(stderr.split("\n")[0]).toBe(
      "copilot-mock: copilot-mock needs msw: npm install --save-dev msw",
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad --policy before serving", async () => {
    const { code, stderr } = await runScript("src/mock/cli.ts", ["--policy", "everyone"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--policy must be one of assign_all, assign_selected");
  });
});

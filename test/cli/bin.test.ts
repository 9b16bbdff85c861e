/**
 * The two commands as processes, as CI and cron run them: `copilot-mock` on 127.0.0.1, and
 * `copilot-admin --help`, `audit --json` and `reclaim` (a dry run) against it, checked through
 * the mock's control API (a dry run sends no write).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockProcess, runScript, startMockProcess } from "../support/processes.js";

const ADMIN = "src/cli/main.ts";
let mock: MockProcess;

beforeAll(async () => {
  mock = await startMockProcess([
    "--orgs",
    "octo-org,octo-labs",
    "--seats",
    "60",
    "--enterprise",
    "octo-ent",
  ]);
}, 60_000);
afterAll(() => mock?.stop());

const env = () => ({ GITHUB_TOKEN: mock.token, GITHUB_API_URL: mock.url });

describe("copilot-admin against copilot-mock", { timeout: 60_000 }, () => {
  it("--help lists the commands and exits 0", async () => {
    const { code, stdout } = await runScript(ADMIN, ["--help"]);
    expect(code).toBe(0);
    for (const command of ["audit", "reclaim", "spend", "export", "diagnose"])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(stdout).toContain("GITHUB_TOKEN");
  });

  it("audit --json prints one JSON document on stdout and nothing on stderr", async () => {
    const { code, stdout, stderr } = await runScript(
      ADMIN,
      ["audit", "--enterprise", "octo-ent", "--json"],
      {
        env: env(),
      },
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout);
    expect(report.scope).toEqual({ kind: "enterprise", name: "octo-ent" });
    expect(report.seats.total).toBeGreaterThan(0);
  });

  it("reclaim is a dry run: lists the seats, the mock receives no write", async () => {
    const before = (await (await fetch(`${mock.url}/_mock/requests`)).json()) as unknown[];
    const { code, stdout, stderr } = await runScript(ADMIN, ["reclaim", "--org", "octo-org"], {
      env: env(),
    });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/│ owner +│ login +│ batch │ result +│/);
    expect(stderr).toContain("Dry run: nothing was sent.");
    const log = (await (await fetch(`${mock.url}/_mock/requests`)).json()) as { method: string }[];
    const sent = log.slice(before.length);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("a failure exits 1 with the hint on stderr", async () => {
    const { code, stdout, stderr } = await runScript(ADMIN, ["audit", "--org", "nope"], {
      env: env(),
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/\nhint: Check the organization login/);
  });
});

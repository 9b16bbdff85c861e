/**
 * Smoke test of the example scripts: each runs end to end against the embedded mock (no
 * `GITHUB_TOKEN`, so nothing leaves 127.0.0.1) and prints what its README line promises.
 * Type drift is caught by `tsc`; this catches behaviour drift between the scripts and the SDK.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir = "";

async function example(
  name: string,
  args: string[] = [],
): Promise<{ stdout: string; stderr: string; code: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_TOKEN: "" };
  delete env.GITHUB_API_URL;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", `examples/${name}.ts`, ...args],
      { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: failed.stdout ?? "", stderr: failed.stderr ?? "", code: failed.code ?? -1 };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "copilot-examples-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("example scripts against the embedded mock", { timeout: 60_000 }, () => {
  it("onboard-team reports the team's new seats and verifies each member", async () => {
    const { stdout, stderr, code } = await example("onboard-team");
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(
      /No GITHUB_TOKEN: using an embedded mock of GitHub at http:\/\/127\.0\.0\.1:/,
    );
    const created = Number(/seats_created (\d+)/.exec(stdout)?.[1]);
    const viaTeam = Number(/(\d+) hold their seat through frontend/.exec(stdout)?.[1]);
    // seats_created also counts revoked pending cancellations, which stay direct seats.
    expect(viaTeam).toBeGreaterThan(0);
    expect(viaTeam).toBeLessThanOrEqual(created);
  });

  it("offboard-user reads back a pending cancellation date, and explains a team-held seat", async () => {
    const direct = await example("offboard-user");
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stdout).toMatch(/seats_cancelled 1\n.* keeps Copilot until \d{4}-\d{2}-01 /);

    const teamHeld = await example("offboard-user", ["--team-held"]);
    expect(teamHeld.code).toBe(2);
    expect(teamHeld.stdout).toMatch(/GitHub refused with 422/);
    expect(teamHeld.stdout).toMatch(/hint: This seat is held through a team/);
  });

  it("reclaim-idle-seats: faults mid-way, a lost answer read back (not resent), a refusal saved and resumed", async () => {
    const resumeFile = join(dir, "resume.json");
    const failed = await example("reclaim-idle-seats", [
      "--apply",
      "--simulate-failure",
      "--exclude",
      "katherine-turing,ada-lamarr",
      "--resume-file",
      resumeFile,
    ]);
    expect(failed.code).toBe(1);
    const batches = [...failed.stdout.matchAll(/batch \d+: (\S+) +(\d+) logins/g)].map((m) => ({
      status: m[1],
      size: Number(m[2]),
    }));
    expect(batches.map((b) => b.status).slice(0, 3)).toEqual(["done", "applied", "failed"]);
    expect(batches.slice(3).every((b) => b.status === "not-sent")).toBe(true);
    // Batch 2's answer was lost after it applied: read back, nothing resent.
    expect(failed.stdout).toMatch(/read back after a lost answer: (\d+) confirmed, 0 resent/);
    const saved = JSON.parse(await readFile(resumeFile, "utf8")) as {
      name: string;
      batches: { status: string; names: string[] }[];
      remaining: string[];
    };
    expect(saved.name).toBe("BulkOperationError");
    const all = saved.batches.flatMap((b) => b.names);
    expect(all).not.toContain("katherine-turing");
    expect(all).not.toContain("ada-lamarr");
    const left = batches.slice(2).reduce((sum, b) => sum + b.size, 0);

    const resumed = await example("reclaim-idle-seats", ["--resume", "--resume-file", resumeFile]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`${left} logins sent, seats_cancelled ${left}`);
  });

  it("offboard-enterprise cancels each seat through its owner; a lost answer is read back, not replayed", async () => {
    const dry = await example("offboard-enterprise");
    expect(dry.code, dry.stderr).toBe(0);
    const planned = Number(/Dry run: (\d+) seat\(s\) to cancel/.exec(dry.stdout)?.[1]);
    expect(dry.stdout).toMatch(/: enterprise octo-enterprise to cancel/);
    expect(dry.stdout).toMatch(/: org octo-\w+ to cancel/);

    const applied = await example("offboard-enterprise", ["--apply", "--simulate-failure"]);
    expect(applied.code, applied.stderr).toBe(0);
    const sent = [...applied.stdout.matchAll(/: (\d+) sent, /g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(sent).toBe(planned);
    expect(applied.stdout).toMatch(
      /count unknown — answer lost, read back: \d+ confirmed, 0 resent/,
    );
    expect(applied.stdout).toContain("Left to cancel: 0");
  });

  it("utilization-csv writes a header and one parseable row per seat", async () => {
    const out = join(dir, "utilization.csv");
    const { stderr, code } = await example("utilization-csv", ["--org", "octo-org", "--out", out]);
    expect(code, stderr).toBe(0);
    const lines = (await readFile(out, "utf8")).trimEnd().split("\n");
    const written = Number(/Wrote (\d+) seats/.exec(stderr)?.[1]);
    expect(lines[0]).toBe(
      "login,org,plan_type,created_at,last_activity_at,last_activity_editor,days_idle,bucket",
    );
    expect(lines.length - 1).toBe(written);
    expect(written).toBeGreaterThan(0);
    for (const line of lines.slice(1)) expect(line.split(",")).toHaveLength(8);
  });

  it("daily-metrics-ingest appends the ready days once and retries the rest next run", async () => {
    const args = ["--state", join(dir, "state.json"), "--out", join(dir, "days.ndjson")];
    const first = await example("daily-metrics-ingest", args);
    expect(first.code, first.stderr).toBe(0);
    const second = await example("daily-metrics-ingest", args);
    expect(second.code, second.stderr).toBe(0);

    const state = JSON.parse(await readFile(join(dir, "state.json"), "utf8")) as {
      ingestedDays: string[];
      skippedDays: string[];
    };
    const days = (await readFile(join(dir, "days.ndjson"), "utf8"))
      .trimEnd()
      .split("\n")
      .map((line) => (JSON.parse(line) as { day: string }).day);
    expect(days).toEqual(state.ingestedDays);
    expect(new Set(days).size).toBe(days.length);
    // The mock publishes a day late, so yesterday stays "not ready" and is retried.
    expect(state.skippedDays).toHaveLength(1);
    expect(days).not.toContain(state.skippedDays[0]);
    expect(second.stdout).toMatch(/ 0 day\(s\) appended, not ready: /);
  });
});

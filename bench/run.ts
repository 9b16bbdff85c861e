/**
 * `npm run bench`: the SDK against bare fetch and undici loops and Octokit on a loopback GitHub
 * emulation. Each run is a fresh child process; runners of a scenario alternate (A B C, A B C,
 * ...) over the rounds and the median is reported, with ratios and the issue's targets.
 *
 * Flags: `--quick` (small sizes, for a smoke run), `--rounds N` (default 3), `--gzip` (gzip
 * seat pages), `--only latency,cpu,memory,report`, `--profile` (`--cpu-prof` for SDK
 * children, top functions printed), `--write FILE` (Markdown results, e.g. bench/RESULTS.md).
 */
import { spawn } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BUILD_DIR, buildRunners } from "./build.js";
import type { Job, JobResult, RunnerName } from "./job.js";
import { topFunctions } from "./profile.js";
import { type BenchServer, scenarioOrg, startBenchServer } from "./server.js";
import { holds, type Summary, summarize, type TargetCheck, table, targetTable } from "./stats.js";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
    gzip: { type: "boolean", default: false },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    write: { type: "string" },
  },
});

const rounds = Math.max(1, Number(flags.rounds));
const sizes = flags.quick
  ? { latencySeats: 5_000, latencyMs: 50, cpuSeats: 20_000, smallSeats: 2_000, reportMb: 20 }
  : { latencySeats: 50_000, latencyMs: 50, cpuSeats: 60_000, smallSeats: 10_000, reportMb: 200 };
const RUN_TIMEOUT_MS = 180_000;

/** One runner configuration inside a scenario. */
interface RunSpec {
  key: string;
  label: string;
  runner: RunnerName;
  org: string;
  concurrency?: number;
  validation?: "strict" | "off";
  /** Items the runner must see; a run that sees another count fails the bench. */
  expected: number;
}

interface Scenario {
  name: string;
  title: string;
  runs: RunSpec[];
  /** Key of the run the ratios are computed against. */
  baseline: string;
}

const latencyOrg = scenarioOrg(sizes.latencySeats, sizes.latencyMs);
const cpuOrg = scenarioOrg(sizes.cpuSeats, 0);
const smallOrg = scenarioOrg(sizes.smallSeats, 0);
const seatRuns = (org: string, expected: number, withBareParallel: boolean): RunSpec[] => [
  { key: "bare", label: "bare fetch loop, sequential", runner: "bare-fetch", org, expected },
  {
    key: "bareUndici",
    label: "bare undici loop, sequential",
    runner: "bare-sequential",
    org,
    expected,
  },
  ...(withBareParallel
    ? [
        {
          key: "bare4",
          label: "bare undici loop, 4 in flight",
          runner: "bare-parallel" as const,
          org,
          concurrency: 4,
          expected,
        },
      ]
    : []),
  {
    key: "bareFetch4",
    label: "bare fetch, 4 in flight",
    runner: "bare-fetch-parallel",
    org,
    concurrency: 4,
    expected,
  },
  { key: "octokit", label: "octokit paginate.iterator", runner: "octokit", org, expected },
  { key: "sdk", label: "SDK seats.list", runner: "sdk", org, concurrency: 1, expected },
  ...(withBareParallel
    ? []
    : [
        {
          key: "sdkOff",
          label: 'SDK seats.list, validation "off"',
          runner: "sdk" as const,
          org,
          concurrency: 1,
          validation: "off" as const,
          expected,
        },
      ]),
  {
    key: "sdk4",
    label: "SDK seats.list { concurrency: 4 }",
    runner: "sdk",
    org,
    concurrency: 4,
    expected,
  },
];

const scenarios: Scenario[] = [
  {
    name: "latency",
    title: `${sizes.latencySeats.toLocaleString("en-US")} seats, ${sizes.latencyMs} ms latency per request`,
    runs: seatRuns(latencyOrg, sizes.latencySeats, true),
    baseline: "bare",
  },
  {
    name: "cpu",
    title: `${sizes.cpuSeats.toLocaleString("en-US")} seats, no latency, validation "strict"`,
    runs: seatRuns(cpuOrg, sizes.cpuSeats, false),
    baseline: "bare",
  },
  {
    name: "memory",
    title: `${sizes.smallSeats.toLocaleString("en-US")} seats, no latency (memory reference for the ${sizes.cpuSeats.toLocaleString("en-US")}-seat runs)`,
    runs: [
      {
        key: "bare",
        label: "bare fetch loop, sequential",
        runner: "bare-fetch",
        org: smallOrg,
        expected: sizes.smallSeats,
      },
      {
        key: "bareFetch4",
        label: "bare fetch, 4 in flight",
        runner: "bare-fetch-parallel",
        org: smallOrg,
        concurrency: 4,
        expected: sizes.smallSeats,
      },
      {
        key: "sdk",
        label: "SDK seats.list",
        runner: "sdk",
        org: smallOrg,
        concurrency: 1,
        expected: sizes.smallSeats,
      },
      {
        key: "sdk4",
        label: "SDK seats.list { concurrency: 4 }",
        runner: "sdk",
        org: smallOrg,
        concurrency: 4,
        expected: sizes.smallSeats,
      },
    ],
    baseline: "bare",
  },
  {
    name: "report",
    title: `${sizes.reportMb} MB users-28-day report (NDJSON)`,
    runs: [
      {
        key: "bare",
        label: "bare stream + JSON.parse",
        runner: "report-bare",
        org: smallOrg,
        expected: -1,
      },
      {
        key: "sdk",
        label: 'SDK reports.records (validation "strict")',
        runner: "report-sdk",
        org: smallOrg,
        expected: -1,
      },
      {
        key: "sdkOff",
        label: 'SDK reports.records, validation "off"',
        runner: "report-sdk",
        org: smallOrg,
        validation: "off",
        expected: -1,
      },
    ],
    baseline: "bare",
  },
];

const only = flags.only?.split(",").map((s) => s.trim());
const selected = scenarios.filter((s) => !only || only.includes(s.name));
const PROFILE_DIR = join(BUILD_DIR, "profiles");

function runChild(script: string, job: Job, profileDir: string | undefined): Promise<JobResult> {
  const args = profileDir ? [`--cpu-prof`, `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...args, script, JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`${job.runner} exited with ${code}: ${out.slice(-500)}`));
        return;
      }
      resolve(JSON.parse(line) as JobResult);
    });
  });
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function runScenario(
  scenario: Scenario,
  scripts: Record<RunnerName, string>,
  server: BenchServer,
  expectedRecords: number,
): Promise<Map<string, Summary>> {
  const results = new Map<string, (JobResult & { requests: number })[]>();
  for (let round = 0; round < rounds; round++) {
    // Rotate the start so that no runner always follows the same one.
    const order = scenario.runs.map(
      (_, i) => scenario.runs[(i + round) % scenario.runs.length] as RunSpec,
    );
    for (const spec of order) {
      const job: Job = { runner: spec.runner, apiUrl: server.apiUrl, org: spec.org };
      if (spec.concurrency !== undefined) job.concurrency = spec.concurrency;
      if (spec.validation !== undefined) job.validation = spec.validation;
      const profile =
        flags.profile && round === 0
          ? join(PROFILE_DIR, `${scenario.name}-${spec.key}`)
          : undefined;
      server.resetCount();
      const result = await runChild(scripts[spec.runner], job, profile);
      const requests = server.requests();
      const expected = spec.expected === -1 ? expectedRecords : spec.expected;
      if (result.items !== expected) {
        throw new Error(`${spec.label} saw ${result.items} items, expected ${expected}`);
      }
      process.stderr.write(
        `  [${scenario.name} ${round + 1}/${rounds}] ${spec.label.padEnd(36)} ${result.wallMs.toFixed(0).padStart(7)} ms wall ${result.cpuMs.toFixed(0).padStart(7)} ms CPU ${result.peakRssMb.toFixed(1).padStart(6)} MB ${String(requests).padStart(5)} req\n`,
      );
      const list = results.get(spec.key) ?? [];
      list.push({ ...result, requests });
      results.set(spec.key, list);
    }
  }
  const summaries = new Map<string, Summary>();
  for (const spec of scenario.runs)
    summaries.set(spec.key, summarize(spec.label, results.get(spec.key) ?? []));
  return summaries;
}

/** A figure of one runner: `[scenario, runner key, metric]`. */
type Figure = [scenario: string, key: string, metric: "wallMs" | "cpuMs" | "peakRssMb"];

/** A target of issue 6 or 8: `of ÷ over` (or `of` alone) compared with `limit`. */
interface Target {
  name: string;
  of: Figure;
  over?: Figure;
  op: TargetCheck["op"];
  limit: number;
  unit: string;
}

const count = (n: number) => n.toLocaleString("en-US");

const TARGETS: Target[] = [
  {
    name: "latency: SDK sequential wall ÷ bare fetch sequential wall",
    of: ["latency", "sdk", "wallMs"],
    over: ["latency", "bare", "wallMs"],
    op: "<=",
    limit: 1.05,
    unit: "×",
  },
  {
    name: "latency: Octokit wall ÷ SDK { concurrency: 4 } wall",
    of: ["latency", "octokit", "wallMs"],
    over: ["latency", "sdk4", "wallMs"],
    op: ">=",
    limit: 3.5,
    unit: "×",
  },
  {
    name: "latency: SDK { concurrency: 4 } wall ÷ bare 4 in flight wall",
    of: ["latency", "sdk4", "wallMs"],
    over: ["latency", "bare4", "wallMs"],
    op: "<=",
    limit: 1.15,
    unit: "×",
  },
  {
    name: "cpu: SDK CPU ÷ bare fetch loop CPU",
    of: ["cpu", "sdk", "cpuMs"],
    over: ["cpu", "bare", "cpuMs"],
    op: "<=",
    limit: 1.25,
    unit: "×",
  },
  {
    name: "cpu: SDK CPU ÷ Octokit CPU",
    of: ["cpu", "sdk", "cpuMs"],
    over: ["cpu", "octokit", "cpuMs"],
    op: "<=",
    limit: 1 / 3,
    unit: "×",
  },
  ...[
    ["sdk", "SDK seats.list"],
    ["sdk4", "SDK seats.list { concurrency: 4 }"],
  ].map(
    ([key, label]): Target => ({
      name: `memory: peak RSS ${count(sizes.cpuSeats)} ÷ ${count(sizes.smallSeats)} seats (${label})`,
      of: ["cpu", key as string, "peakRssMb"],
      over: ["memory", key as string, "peakRssMb"],
      op: "<=",
      limit: 1.3,
      unit: "×",
    }),
  ),
  {
    // Same bytes both ways: the throughput ratio is the inverse ratio of wall times.
    name: "report: SDK throughput ÷ bare stream + JSON.parse throughput",
    of: ["report", "bare", "wallMs"],
    over: ["report", "sdk", "wallMs"],
    op: ">=",
    limit: 0.7,
    unit: "×",
  },
  {
    name: "report: SDK peak RSS",
    of: ["report", "sdk", "peakRssMb"],
    op: "<=",
    limit: 150,
    unit: " MB",
  },
];

/**
 * The same ratios measured on the bare `fetch` runners: the floor of anything that sends
 * through `fetch` on this Node, printed beside the targets (no limit of their own).
 */
const FLOORS: Omit<Target, "op" | "limit">[] = [
  {
    name: "cpu: bare fetch loop CPU ÷ Octokit CPU",
    of: ["cpu", "bare", "cpuMs"],
    over: ["cpu", "octokit", "cpuMs"],
    unit: "×",
  },
  ...[
    ["bare", "bare fetch loop, sequential"],
    ["bareFetch4", "bare fetch, 4 in flight"],
  ].map(
    ([key, label]): Omit<Target, "op" | "limit"> => ({
      name: `memory: peak RSS ${count(sizes.cpuSeats)} ÷ ${count(sizes.smallSeats)} seats (${label})`,
      of: ["cpu", key as string, "peakRssMb"],
      over: ["memory", key as string, "peakRssMb"],
      unit: "×",
    }),
  ),
];

/** The targets whose runners ran, with their measured values. */
function targets(all: Map<string, Map<string, Summary>>): TargetCheck[] {
  const value = ([scenario, key, metric]: Figure) => all.get(scenario)?.get(key)?.[metric];
  const checks: TargetCheck[] = [];
  for (const { name, of, over, op, limit, unit } of TARGETS) {
    const numerator = value(of);
    const denominator = over ? value(over) : 1;
    if (numerator === undefined || denominator === undefined) continue;
    checks.push({ name, value: numerator / denominator, op, limit, unit });
  }
  return checks;
}

/** The floors whose runners ran, as a Markdown table. */
function floorTable(all: Map<string, Map<string, Summary>>): string {
  const value = ([scenario, key, metric]: Figure) => all.get(scenario)?.get(key)?.[metric];
  const rows = ["| same ratio, bare fetch runners | measured |", "|---|---:|"];
  for (const { name, of, over, unit } of FLOORS) {
    const numerator = value(of);
    const denominator = over ? value(over) : 1;
    if (numerator === undefined || denominator === undefined) continue;
    rows.push(`| ${name} | ${(numerator / denominator).toFixed(2)}${unit} |`);
  }
  return rows.length > 2 ? rows.join("\n") : "";
}

async function main(): Promise<void> {
  const started = performance.now();
  // The command that reproduces the figures (`--write` only says where they are saved).
  const args = process.argv
    .slice(2)
    .filter((arg, i, all) => arg !== "--write" && all[i - 1] !== "--write");
  const command = `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;
  const runners = [...new Set(selected.flatMap((s) => s.runs.map((r) => r.runner)))];
  const scripts = await buildRunners(runners, process.env.BENCH_OVERLAY);
  if (flags.profile) await mkdir(PROFILE_DIR, { recursive: true });
  const server = await startBenchServer({
    gzip: flags.gzip,
    reportBytes: sizes.reportMb * 1_000_000,
  });
  const records = server.reportRecords;
  const header = [
    `Machine: ${machine()}`,
    `Command: \`${command}\` — ${rounds} rounds, runners alternated, medians; each run a fresh \`node\` process; server in the parent process on 127.0.0.1${flags.gzip ? ", gzip on" : ""}.`,
    `Seat pages: per_page=100, pretty-printed GitHub-shaped seats (full assignee, team grant on every third seat). Report: ${(server.reportBytes / 1e6).toFixed(0)} MB, ${records.toLocaleString("en-US")} records.`,
  ];
  process.stderr.write(`${header.join("\n")}\n`);
  const all = new Map<string, Map<string, Summary>>();
  const sections: string[] = [];
  try {
    for (const scenario of selected) {
      process.stderr.write(`\n${scenario.title}\n`);
      for (const org of new Set(scenario.runs.map((r) => r.org))) server.warm(org);
      const summaries = await runScenario(scenario, scripts, server, records);
      all.set(scenario.name, summaries);
      const text = `### ${scenario.title}\n\n${table([...summaries.values()], summaries.get(scenario.baseline))}`;
      sections.push(text);
    }
  } finally {
    await server.close();
  }
  const checks = targets(all);
  const floors = floorTable(all);
  const elapsed = (performance.now() - started) / 1000;
  let output = `${header.join("\n\n")}\n\n${sections.join("\n\n")}\n\n### Targets\n\n${targetTable(checks)}\n\n${floors ? `### Floors\n\n${floors}\n\n` : ""}Total bench time: ${elapsed.toFixed(0)} s.\n`;
  if (flags.profile) {
    const files = (await readdir(PROFILE_DIR, { recursive: true })).filter((f) =>
      f.endsWith(".cpuprofile"),
    );
    for (const file of files.sort()) {
      output += `\n#### CPU profile ${file}\n\n${await topFunctions(join(PROFILE_DIR, file), 15)}\n`;
    }
  }
  process.stdout.write(`\n${output}`);
  if (flags.write) await writeFile(flags.write, output);
  const failed = checks.filter((c) => !holds(c));
  if (failed.length > 0) process.stderr.write(`\n${failed.length} target(s) not met.\n`);
}

await main();

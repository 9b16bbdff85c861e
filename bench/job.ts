/** The job a runner child process receives (JSON in argv[2]) and the result it prints. */

/** Runner names; each is a module of `bench/runners/`. */
export type RunnerName =
  | "bare-sequential"
  | "bare-fetch"
  | "bare-parallel"
  | "bare-fetch-parallel"
  | "octokit"
  | "sdk"
  | "report-bare"
  | "report-sdk"
  | "export-bare"
  | "export-sdk";

/** What one child process runs. */
export interface Job {
  runner: RunnerName;
  /** `http://127.0.0.1:<port>` of the API emulation. */
  apiUrl: string;
  /** Organization login; encodes seat count and latency (see `scenarioOrg`). */
  org: string;
  /** Requests in flight (bare-parallel) or the SDK's `concurrency` option. Default 1. */
  concurrency?: number;
  /** SDK response validation mode. Default `"strict"`. */
  validation?: "strict" | "warn" | "off";
}

/** What a runner returns. */
export interface RunnerOutput {
  /** Seats or records seen. */
  items: number;
}

/** What the child prints as its last stdout line (JSON). */
export interface JobResult extends RunnerOutput {
  /** Wall time of the work (after module loading), in ms. */
  wallMs: number;
  /** User + system CPU time of the work, in ms. */
  cpuMs: number;
  /** Peak resident set size of the whole process, in MB (2^20 bytes). */
  peakRssMb: number;
}

/** The bench's token: the emulation accepts any. */
export const BENCH_TOKEN = "ghp_benchbenchbenchbenchbenchbenchbench";

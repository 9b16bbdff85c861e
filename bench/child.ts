/**
 * The body of a runner child process. Each runner is bundled with this file into its own
 * script (see `build.ts`), so a child loads only its runner's code (Octokit's modules do not
 * weigh on the SDK's memory) and no TypeScript loader. The job comes as JSON in `argv[2]`;
 * the child prints one {@link JobResult} JSON line. Time and CPU exclude module loading;
 * peak RSS is the whole process's (`VmHWM`).
 */
import { readFileSync } from "node:fs";
import type { Job, JobResult, RunnerOutput } from "./job.js";

/**
 * Peak RSS of this process, in MB. Linux's `ru_maxrss` (`process.resourceUsage().maxRSS`)
 * keeps the high-water mark of the address space replaced by `execve`, i.e. the RSS of the
 * parent that forked the child (the bench server holds hundreds of MB of rendered pages); the
 * `VmHWM` line of `/proc/self/status` belongs to this program's own address space.
 */
function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  // ru_maxrss is in KiB on Linux and the BSDs.
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs `run` once on the job of `argv[2]`, prints the result and exits. */
export async function runChild(run: (job: Job) => Promise<RunnerOutput>): Promise<never> {
  const job = JSON.parse(process.argv[2] ?? "{}") as Job;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const output = await run(job);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const result: JobResult = {
    ...output,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: peakRssMb(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Keep-alive sockets would otherwise hold the process open for their timeout.
  process.exit(0);
}

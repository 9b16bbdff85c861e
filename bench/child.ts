/**
 * The body of a runner child process. Each runner is bundled with this file into its own
 * script (see `build.ts`), so a child loads only its runner's code (Octokit's modules do not
 * weigh on the SDK's memory) and no TypeScript loader. The job comes as JSON in `argv[2]`;
 * the child prints one {@link JobResult} JSON line. Time and CPU exclude module loading;
 * peak RSS is the whole process's (`getrusage` `ru_maxrss`).
 */
import type { Job, JobResult, RunnerOutput } from "./job.js";

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
    // ru_maxrss is in KiB on Linux.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Keep-alive sockets would otherwise hold the process open for their timeout.
  process.exit(0);
}

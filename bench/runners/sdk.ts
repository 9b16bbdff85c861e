/**
 * The SDK: `client.seats.list({ org }, { concurrency })`, seats yielded one by one, validated
 * by `job.validation` (default `"strict"`). The points-per-minute budget is raised: the
 * emulation answers 1 000 pages in a few seconds, far beyond GitHub's 900 points a minute,
 * and this bench measures the SDK's own cost, not a wait the throttle would rightly impose.
 * The read throttle (4 concurrent reads) stays as configured by default.
 */
import { CopilotClient } from "../../src/index.js";
import { BENCH_TOKEN, type Job, type RunnerOutput } from "../job.js";

/** Lists every seat of `job.org`. */
export async function run(job: Job): Promise<RunnerOutput> {
  const client = new CopilotClient({
    auth: BENCH_TOKEN,
    baseUrl: job.apiUrl,
    validation: job.validation ?? "strict",
    throttle: { pointsPerMinute: 1_000_000 },
  });
  let items = 0;
  for await (const seat of client.seats.list(
    { org: job.org },
    { concurrency: job.concurrency ?? 1 },
  )) {
    if (seat) items++;
  }
  return { items };
}

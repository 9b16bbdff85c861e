/**
 * Octokit (the `octokit` package with its default plugins: throttling, retry, paginate),
 * `paginate.iterator` over the seats endpoint. The iterator yields page responses; the seats
 * are in `response.data.seats`: paginate does not unwrap `{ total_seats, seats }` (it knows
 * `total_count` only), so Octokit users dig the seats out of each page themselves.
 */
import { Octokit } from "octokit";
import { BENCH_TOKEN, type Job, type RunnerOutput } from "../job.js";

/** Lists every seat of `job.org`. */
export async function run(job: Job): Promise<RunnerOutput> {
  const octokit = new Octokit({
    auth: BENCH_TOKEN,
    baseUrl: job.apiUrl,
    throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false },
  });
  let items = 0;
  for await (const response of octokit.paginate.iterator("GET /orgs/{org}/copilot/billing/seats", {
    org: job.org,
    per_page: 100,
  })) {
    const data = response.data as unknown as { seats?: unknown[] };
    for (const seat of data.seats ?? []) if (seat) items++;
  }
  return { items };
}

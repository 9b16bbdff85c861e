/** Bare `fetch` with `job.concurrency` requests in flight (see `listing.ts`, `fetch-page.ts`). */
import type { Job, RunnerOutput } from "../job.js";
import { getPageByFetch } from "./fetch-page.js";
import { listInParallel } from "./listing.js";

/** Lists every seat of `job.org`. */
export function run(job: Job): Promise<RunnerOutput> {
  return listInParallel(job, getPageByFetch);
}

/** Bare undici with `job.concurrency` requests in flight (see `listing.ts`). */
import type { Job, RunnerOutput } from "../job.js";
import { getPage } from "./bare-page.js";
import { listInParallel } from "./listing.js";

/** Lists every seat of `job.org`. */
export function run(job: Job): Promise<RunnerOutput> {
  return listInParallel(job, getPage);
}

/** Bare undici loop, one request at a time, following `rel="next"` (see `listing.ts`). */
import type { Job, RunnerOutput } from "../job.js";
import { getPage } from "./bare-page.js";
import { listSequentially } from "./listing.js";

/** Lists every seat of `job.org`. */
export function run(job: Job): Promise<RunnerOutput> {
  return listSequentially(job, getPage);
}

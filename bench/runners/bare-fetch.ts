/**
 * Bare `fetch` loop, one request at a time, following `rel="next"` (see `listing.ts`,
 * `fetch-page.ts`). The floor the SDK is held to now that every SDK request goes through `fetch`.
 */
import type { Job, RunnerOutput } from "../job.js";
import { getPageByFetch } from "./fetch-page.js";
import { listSequentially } from "./listing.js";

/** Lists every seat of `job.org`. */
export function run(job: Job): Promise<RunnerOutput> {
  return listSequentially(job, getPageByFetch);
}

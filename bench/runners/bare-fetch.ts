/**
 * Bare `fetch` loop, one request at a time, following `rel="next"` (see `fetch-page.ts`).
 * The floor the SDK is held to now that every SDK request goes through `fetch`.
 */
import type { Job, RunnerOutput } from "../job.js";
import { getPageByFetch } from "./fetch-page.js";
import { linkOf } from "./links.js";

/** Lists every seat of `job.org`. */
export async function run(job: Job): Promise<RunnerOutput> {
  let items = 0;
  let url: string | undefined = `${job.apiUrl}/orgs/${job.org}/copilot/billing/seats?per_page=100`;
  while (url) {
    const page = await getPageByFetch(url);
    for (const seat of page.seats) if (seat) items++;
    url = linkOf(page.link, "next");
  }
  return { items };
}

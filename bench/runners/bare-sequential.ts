/** Bare undici loop, one request at a time, following `rel="next"`. */
import type { Job, RunnerOutput } from "../job.js";
import { getPage } from "./bare-page.js";
import { linkOf } from "./links.js";

/** Lists every seat of `job.org`. */
export async function run(job: Job): Promise<RunnerOutput> {
  let items = 0;
  let url: string | undefined = `${job.apiUrl}/orgs/${job.org}/copilot/billing/seats?per_page=100`;
  while (url) {
    const page = await getPage(url);
    for (const seat of page.seats) if (seat) items++;
    url = linkOf(page.link, "next");
  }
  return { items };
}

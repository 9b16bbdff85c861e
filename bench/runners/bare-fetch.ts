/**
 * Bare `fetch` loop, one request at a time, following `rel="next"`: `globalThis.fetch` (which
 * undoes gzip itself), `response.json()`, the `Link` header read. The floor the SDK is held to
 * now that every SDK request goes through `fetch`.
 */
import type { Job, RunnerOutput } from "../job.js";
import { BARE_HEADERS } from "./headers.js";
import { linkOf } from "./links.js";

/** Lists every seat of `job.org`. */
export async function run(job: Job): Promise<RunnerOutput> {
  let items = 0;
  let url: string | undefined = `${job.apiUrl}/orgs/${job.org}/copilot/billing/seats?per_page=100`;
  while (url) {
    const response = await fetch(url, { headers: BARE_HEADERS });
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    const page = (await response.json()) as { seats?: unknown[] };
    for (const seat of page.seats ?? []) if (seat) items++;
    url = linkOf(response.headers.get("link") ?? undefined, "next");
  }
  return { items };
}

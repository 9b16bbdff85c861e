/**
 * The bare runners' listings of a seat list, given how to GET one page (undici or `fetch`):
 * one page at a time following `rel="next"`, or page 1, then pages 2..last (from
 * `rel="last"`) by a pool of `job.concurrency` workers. No ordering, no validation.
 */
import type { Job, RunnerOutput } from "../job.js";
import { linkOf } from "./links.js";

/** One fetched seat page: its seats and its `Link` header. */
export interface SeatPage {
  seats: unknown[];
  link: string | string[] | undefined;
}

const firstUrl = (job: Job) => `${job.apiUrl}/orgs/${job.org}/copilot/billing/seats?per_page=100`;

/** Lists every seat of `job.org`, one request at a time. */
export async function listSequentially(
  job: Job,
  getPage: (url: string) => Promise<SeatPage>,
): Promise<RunnerOutput> {
  let items = 0;
  let url: string | undefined = firstUrl(job);
  while (url) {
    const page = await getPage(url);
    for (const seat of page.seats) if (seat) items++;
    url = linkOf(page.link, "next");
  }
  return { items };
}

/** Lists every seat of `job.org` with `job.concurrency` (default 4) requests in flight. */
export async function listInParallel(
  job: Job,
  getPage: (url: string) => Promise<SeatPage>,
): Promise<RunnerOutput> {
  const first = await getPage(firstUrl(job));
  let items = first.seats.length;
  const last = linkOf(first.link, "last");
  if (!last) return { items };
  const template = new URL(last);
  const lastPage = Number(template.searchParams.get("page"));
  let next = 2;
  const worker = async () => {
    while (next <= lastPage) {
      template.searchParams.set("page", String(next++));
      const page = await getPage(template.toString());
      for (const seat of page.seats) if (seat) items++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, job.concurrency ?? 4) }, worker));
  return { items };
}

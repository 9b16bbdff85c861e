/**
 * The bare runners' parallel listing: page 1, then pages 2..last (from `rel="last"`) by a
 * pool of `job.concurrency` workers. No ordering, no validation: the practical limit.
 */
import type { Job, RunnerOutput } from "../job.js";
import { linkOf } from "./links.js";

/** One fetched seat page: its seats and its `Link` header. */
export interface SeatPage {
  seats: unknown[];
  link: string | string[] | undefined;
}

/** Lists every seat of `job.org` with `job.concurrency` (default 4) requests in flight. */
export async function listInParallel(
  job: Job,
  getPage: (url: string) => Promise<SeatPage>,
): Promise<RunnerOutput> {
  const first = await getPage(`${job.apiUrl}/orgs/${job.org}/copilot/billing/seats?per_page=100`);
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

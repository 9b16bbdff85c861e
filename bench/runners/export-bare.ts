/**
 * Bare export read: the export request, then each file streamed with undici into
 * `csv-parse` (`columns: true`), counting rows. No typing, no validation, no resume. The
 * throughput `billing.exports.records` is held to.
 */
import { parse } from "csv-parse";
import { request } from "undici";
import type { Job, RunnerOutput } from "../job.js";
import { BARE_HEADERS } from "./headers.js";

/** Reads every row of every file of the export named by `job.org`. */
export async function run(job: Job): Promise<RunnerOutput> {
  const answer = await request(
    `${job.apiUrl}/enterprises/bench/settings/billing/reports/${job.org}`,
    {
      headers: BARE_HEADERS,
    },
  );
  const report = (await answer.body.json()) as { download_urls: string[] };
  let items = 0;
  for (const url of report.download_urls) {
    const file = await request(url);
    if (file.statusCode !== 200) throw new Error(`download answered ${file.statusCode}`);
    const rows = file.body.pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
    for await (const row of rows) if (row) items++;
  }
  return { items };
}

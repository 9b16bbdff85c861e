/**
 * The SDK's export read: `billing.exports.get({ enterprise, report_id })` then
 * `billing.exports.records(export)`: the report download pipeline, `csv-parse` as a stream,
 * amount columns typed as numbers.
 */
// Loaded with the other modules so that undici's import stays out of the timed region.
import "undici";
import { CopilotClient } from "../../src/index.js";
import { BENCH_TOKEN, type Job, type RunnerOutput } from "../job.js";

/** Reads every row of every file of the export named by `job.org`. */
export async function run(job: Job): Promise<RunnerOutput> {
  const client = new CopilotClient({ auth: BENCH_TOKEN, baseUrl: job.apiUrl });
  const done = await client.billing.exports.get({ enterprise: "bench", report_id: job.org });
  let items = 0;
  for await (const row of client.billing.exports.records(done))
    if (row.net_amount !== undefined) items++;
  return { items };
}

/**
 * The SDK's report read: `reports.orgUsersLatest28Day({ org })` then `reports.records(report)`,
 * every record validated against `UserDayRecordSchema` (`job.validation`, default `"strict"`).
 */
import { CopilotClient } from "../../src/index.js";
import { BENCH_TOKEN, type Job, type RunnerOutput } from "../job.js";

/** Reads every record of the org's latest users-28-day report. */
export async function run(job: Job): Promise<RunnerOutput> {
  const client = new CopilotClient({
    auth: BENCH_TOKEN,
    baseUrl: job.apiUrl,
    validation: job.validation ?? "strict",
  });
  const report = await client.reports.orgUsersLatest28Day({ org: job.org });
  let items = 0;
  for await (const record of client.reports.records(report)) if (record) items++;
  return { items };
}

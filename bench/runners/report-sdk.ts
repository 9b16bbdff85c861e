/**
 * The SDK's report read: `reports.orgUsersLatest28Day({ org })` then `reports.records(report)`,
 * every record validated against `UserDayRecordSchema` (`job.validation`, default `"strict"`).
 */
// The SDK imports undici on its first request; loaded here, with the other modules, it stays out
// of the timed region as the bare runners' undici does (module loading is not measured).
import "undici";
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

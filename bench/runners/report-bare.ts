/**
 * Bare report read: the links request, then the file streamed with undici, decoded, split on
 * newlines and each line `JSON.parse`d. No validation. The throughput the SDK is held to.
 */
import { StringDecoder } from "node:string_decoder";
import { request } from "undici";
import type { Job, RunnerOutput } from "../job.js";
import { BARE_HEADERS } from "./headers.js";

/** Reads every record of the org's latest users-28-day report. */
export async function run(job: Job): Promise<RunnerOutput> {
  const links = await request(
    `${job.apiUrl}/orgs/${job.org}/copilot/metrics/reports/users-28-day/latest`,
    { headers: BARE_HEADERS },
  );
  const report = (await links.body.json()) as { download_links: string[] };
  let items = 0;
  for (const link of report.download_links) {
    const file = await request(link);
    if (file.statusCode !== 200) throw new Error(`download answered ${file.statusCode}`);
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for await (const chunk of file.body) {
      const text = rest + decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
        if (end > start && JSON.parse(text.slice(start, end))) items++;
        start = end + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest.trim() && JSON.parse(rest)) items++;
  }
  return { items };
}

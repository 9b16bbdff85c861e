/**
 * Daily metrics ingestion with gap-fill, for a cron job: append each day's totals of an
 * organization to an NDJSON file, exactly the days not ingested yet.
 *
 *   npx tsx examples/daily-metrics-ingest.ts        # embedded mock (one day behind: yesterday is not ready)
 *   GITHUB_TOKEN=… npx tsx examples/daily-metrics-ingest.ts --org octo-org \
 *     --state .cache/metrics-state.json --out .cache/metrics-days.ndjson [--since 2026-10-01]
 *
 * Each run reads the state file (days already ingested), computes the missing days from
 * `since` up to `latestAvailableDay(now)` (yesterday, UTC) inside the data window (reports
 * start 2025-10-10; GitHub keeps about a year), fetches each run of consecutive missing days
 * with `metrics.days({ org, since, until })` and appends one JSON line per day. A day whose
 * report is not ready yet (204) lands in `skippedDays` and is fetched again next run. The state
 * is saved after each run of days, with an atomic rename; a crash between the append and the
 * save can write a day twice, so deduplicate on `day` downstream.
 */
import { appendFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { clampDayRange, eachDay, latestAvailableDay } from "../src/internal/dates.js";
import { connect, run } from "./shared/client.js";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    state: { type: "string", default: ".cache/metrics-state.json" },
    out: { type: "string", default: ".cache/metrics-days.ndjson" },
    since: { type: "string" },
  },
});

/** The state file. Days are `YYYY-MM-DD` (UTC). */
interface IngestState {
  org: string;
  /** First day to ingest; set on the first run. */
  since: string;
  /** Days written to the output, sorted. */
  ingestedDays: string[];
  /** Days whose report was not ready at `updatedAt`: retried next run. */
  skippedDays: string[];
  updatedAt: string;
}

async function loadState(path: string): Promise<IngestState | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as IngestState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes a temporary file and renames it over the state: a crash never leaves half a file. */
async function saveState(path: string, state: IngestState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Splits sorted days into runs of consecutive days: one `metrics.days` call per gap. */
function consecutiveRuns(days: string[]): string[][] {
  const runs: string[][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && nextDay(previous) === day) last.push(day);
    else runs.push([day]);
  }
  return runs;
}

run(async () => {
  const now = new Date();
  const { client, org, close } = await connect({
    org: values.org,
    // Let the mock publish reports a day late, as GitHub sometimes does, to show skipped days.
    mockNow: () => new Date(Date.now() - 86_400_000),
  });
  try {
    const saved = await loadState(values.state);
    if (saved && saved.org !== org)
      throw new Error(`${values.state} holds ${saved.org}, not ${org}`);
    const latest = latestAvailableDay(now);
    // Without --since or a state, start 28 days back (the 28-day reports' window).
    const window = clampDayRange({ since: values.since ?? saved?.since, until: latest, now });
    const state: IngestState = saved ?? {
      org,
      since: window.since,
      ingestedDays: [],
      skippedDays: [],
      updatedAt: now.toISOString(),
    };
    state.since = window.since;
    const done = new Set(state.ingestedDays);
    const missing = window.empty
      ? []
      : [...eachDay(window.since, window.until)].filter((day) => !done.has(day));
    console.log(
      `${org}: ${window.since}..${window.until}, ${done.size} days ingested before, ${missing.length} missing${state.skippedDays.length ? ` (${state.skippedDays.length} not ready last run)` : ""}.`,
    );

    const skipped: string[] = [];
    await mkdir(dirname(values.out), { recursive: true });
    for (const days of consecutiveRuns(missing)) {
      const since = days[0] as string;
      const until = days[days.length - 1] as string;
      const totals = client.metrics.days({ org, since, until, now });
      const lines: string[] = [];
      const fetched: string[] = [];
      for await (const day of totals) {
        lines.push(JSON.stringify(day));
        fetched.push(day.day);
      }
      if (lines.length > 0) await appendFile(values.out, `${lines.join("\n")}\n`);
      for (const day of fetched) done.add(day);
      skipped.push(...totals.skippedDays);
      state.ingestedDays = [...done].sort();
      state.skippedDays = skipped;
      state.updatedAt = new Date().toISOString();
      await saveState(values.state, state);
      console.log(
        `  ${since}..${until}: ${fetched.length} day(s) appended${totals.skippedDays.length ? `, not ready: ${totals.skippedDays.join(", ")}` : ""}`,
      );
    }
    if (missing.length === 0) await saveState(values.state, { ...state, skippedDays: [] });
    console.log(
      `State ${values.state}: ${done.size} days ingested, ${skipped.length} to retry next run. Data: ${values.out}.`,
    );
  } finally {
    await close();
  }
});

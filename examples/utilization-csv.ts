/**
 * Monthly utilization CSV: one row per seat, streamed as the pages arrive.
 *
 *   npx tsx examples/utilization-csv.ts                             # embedded mock enterprise, to stdout
 *   npx tsx examples/utilization-csv.ts --out .cache/utilization.csv
 *   GITHUB_TOKEN=… npx tsx examples/utilization-csv.ts --org octo-org --out utilization-2026-11.csv
 *   GITHUB_TOKEN=… npx tsx examples/utilization-csv.ts --enterprise octo-enterprise > seats.csv
 *
 * Columns: login, org, plan_type, created_at, last_activity_at, last_activity_editor, days_idle,
 * bucket. `days_idle` counts whole days (UTC, as of the run) since `last_activity_at`, or since
 * `created_at` for a seat never used. An enterprise listing has one row per organization for a
 * user seated in several, as GitHub bills them, and `org` is empty for seats the enterprise
 * grants itself (enterprise teams). GitHub records activity from IDE telemetry, so
 * a user with telemetry off looks idle.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import type { Seat } from "../src/index.js";
import { connect, run } from "./shared/client.js";
import { csvLine } from "./shared/csv.js";

const { values } = parseArgs({
  options: { org: { type: "string" }, enterprise: { type: "string" }, out: { type: "string" } },
});

const COLUMNS = [
  "login",
  "org",
  "plan_type",
  "created_at",
  "last_activity_at",
  "last_activity_editor",
  "days_idle",
  "bucket",
] as const;
const DAY_MS = 86_400_000;

/** Activity bucket of a seat, from whole days idle. */
function bucketOf(daysIdle: number, neverUsed: boolean): string {
  if (neverUsed) return "never_used";
  if (daysIdle <= 7) return "active_7d";
  if (daysIdle <= 30) return "active_30d";
  if (daysIdle <= 90) return "idle_31_90d";
  return "idle_over_90d";
}

/** The user's login; GitHub may answer a team or an organization (slug / login), or null. */
function assigneeOf(seat: Seat): string | undefined {
  const assignee = seat.assignee;
  if (!assignee) return undefined;
  return "slug" in assignee ? `team:${assignee.slug}` : assignee.login;
}

function row(seat: Seat, org: string | undefined, now: number): string {
  const since = seat.last_activity_at ?? seat.created_at;
  const daysIdle = Math.max(0, Math.floor((now - Date.parse(since)) / DAY_MS));
  const fields = [
    assigneeOf(seat),
    seat.organization?.login ?? org,
    seat.plan_type,
    seat.created_at,
    seat.last_activity_at,
    seat.last_activity_editor,
    daysIdle,
    bucketOf(daysIdle, seat.last_activity_at == null),
  ];
  return csvLine(fields);
}

/** Writes, waiting for `drain` when the stream's buffer is full, so memory stays flat. */
async function write(out: Writable, text: string): Promise<void> {
  if (out.write(text) || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}

run(async () => {
  // --org lists one organization; otherwise the enterprise (the mock's, without a token).
  const { client, org, enterprise, close } = await connect({
    org: values.org,
    enterprise: values.enterprise,
    scope: values.org && !values.enterprise ? "org" : "enterprise",
  });
  const file = values.out;
  if (file) await mkdir(dirname(file), { recursive: true });
  const out: Writable = file ? createWriteStream(file) : process.stdout;
  let writeError: Error | undefined;
  out.on("error", (error: NodeJS.ErrnoException) => {
    // `… | head` closes the pipe early (EPIPE): stop quietly, like other command-line tools.
    if (error.code !== "EPIPE") writeError = error;
    out.destroy();
  });
  try {
    const seats = enterprise
      ? client.seats.listForEnterprise({ enterprise })
      : client.seats.list({ org });
    const now = Date.now();
    let count = 0;
    await write(out, csvLine(COLUMNS));
    for await (const seat of seats) {
      if (out.destroyed) break;
      await write(out, row(seat, enterprise ? undefined : org, now));
      count++;
    }
    if (writeError) throw writeError;
    if (file) {
      out.end();
      await finished(out);
      console.error(`Wrote ${count} seats to ${file}.`);
    }
  } finally {
    await close();
  }
});

import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequestValidationError } from "../../src/core/errors.js";
import { metricsDays } from "../../src/helpers/metrics/days.js";
import type { DailyReport, ReportSource } from "../../src/helpers/metrics/source.js";
import { metricsTeams } from "../../src/helpers/metrics/teams.js";
import { metricsUserDays } from "../../src/helpers/metrics/user-days.js";
import { Pipeline } from "../../src/internal/http/pipeline.js";
import type { ReportScope } from "../../src/internal/reports/kinds.js";
import { type ReportLinks, readReportRecords } from "../../src/internal/reports/records.js";
import { dayTotals, FILES, ndjson, SIGNED, userDay } from "../reports/fixtures.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Serves each named file body on the download origin. */
function files(bodies: Record<string, string>) {
  server.use(
    ...Object.entries(bodies).map(([name, body]) =>
      http.get(`${FILES}/${name}`, () => new HttpResponse(body)),
    ),
  );
}

const links = (...names: string[]): ReportLinks => ({
  download_links: names.map((n) => `${FILES}/${n}${SIGNED}`),
});

/** A source whose link answers come from tables and whose records are read for real. */
function source(
  tables: {
    daily?: Partial<Record<DailyReport, Record<string, ReportLinks | null>>>;
    latest?: Partial<Record<"totals" | "users", ReportLinks>>;
    delay?: (day: string) => number;
  },
  scope: ReportScope = "organization",
) {
  let inFlight = 0;
  const stats = { maxInFlight: 0, dailyCalls: [] as string[] };
  const src: ReportSource = {
    scope,
    async daily(report, day) {
      stats.dailyCalls.push(`${report}:${day}`);
      inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, tables.delay?.(day) ?? 0));
      inFlight--;
      const links = tables.daily?.[report]?.[day];
      return links === undefined ? null : links;
    },
    async latest28Day(report) {
      const found = tables.latest?.[report];
      if (!found) throw new Error(`no ${report} 28-day report`);
      return found;
    },
    records<T>(report: ReportLinks, kind: Parameters<ReportSource["records"]>[1]) {
      return readReportRecords<T>(report, {
        pipeline: new Pipeline({ retry: false, throttle: false }),
        kind,
        validation: "strict",
      });
    },
  };
  return { src, stats };
}

const NOW = new Date("2026-05-09T12:00:00Z");

describe("metricsDays", () => {
  it("reads the latest 28-day report: each day once, sorted, across split files", async () => {
    const part1 = { day_totals: [dayTotals("2026-05-03"), dayTotals("2026-05-01")] };
    const part2 = { day_totals: [dayTotals("2026-05-02"), dayTotals("2026-05-03")] };
    files({
      "t1.json": JSON.stringify(part1, null, 2),
      "t2.json": JSON.stringify(part2, null, 2),
    });
    const { src } = source({ latest: { totals: links("t1.json", "t2.json") } });
    const days = metricsDays(src);
    const out = await days.toArray();
    expect(out.map((d) => d.day)).toEqual(["2026-05-01", "2026-05-02", "2026-05-03"]);
    expect(days.range).toEqual({ since: "2026-05-01", until: "2026-05-03" });
  });

  it("reads one 1-day report per day in order, skipping days not ready or empty", async () => {
    files({
      "d4.json": JSON.stringify(dayTotals("2026-05-04")),
      "d5a.json": JSON.stringify(dayTotals("2026-05-05")),
      "d5b.json": JSON.stringify(dayTotals("2026-05-05", { daily_active_users: 99 })),
      "d7.json": JSON.stringify(dayTotals("2026-05-07"), null, 2),
    });
    const { src, stats } = source({
      daily: {
        totals: {
          "2026-05-04": links("d4.json"),
          "2026-05-05": links("d5a.json", "d5b.json"),
          "2026-05-06": { download_links: [] },
          "2026-05-07": links("d7.json"),
        },
      },
      // Later days answer first: the output must still be in day order.
      delay: (day) => 40 - Number(day.slice(-2)) * 5,
    });
    const days = metricsDays(src, {
      since: "2026-05-04",
      until: new Date("2026-05-08T23:00:00Z"),
      now: NOW,
      concurrency: 2,
    });
    const out = await days.toArray();
    expect(out.map((d) => d.day)).toEqual(["2026-05-04", "2026-05-05", "2026-05-07"]);
    expect(out[1]?.daily_active_users).toBe(3);
    expect(days.skippedDays).toEqual(["2026-05-06", "2026-05-08"]);
    expect(stats.maxInFlight).toBe(2);
  });

  it("clamps the range to the data window (from 2025-10-10, to yesterday UTC)", async () => {
    const { src, stats } = source({});
    const days = metricsDays(src, {
      since: "2025-01-01",
      until: "2027-01-01",
      now: new Date("2025-10-12T08:00:00Z"),
    });
    expect(await days.toArray()).toEqual([]);
    expect(days.range).toEqual({ since: "2025-10-10", until: "2025-10-11" });
    expect(stats.dailyCalls).toEqual(["totals:2025-10-10", "totals:2025-10-11"]);
  });

  it("surfaces a failed day request and stops requesting further days", async () => {
    const { src, stats } = source({});
    src.daily = vi.fn(async (_report, day) => {
      stats.dailyCalls.push(day);
      if (day === "2026-05-02") throw new Error("boom");
      return null;
    });
    const days = metricsDays(src, {
      since: "2026-05-01",
      until: "2026-05-08",
      now: NOW,
      concurrency: 2,
    });
    await expect(days.toArray()).rejects.toThrow("boom");
    expect(days.skippedDays).toEqual(["2026-05-01"]);
    expect(stats.dailyCalls.length).toBeLessThanOrEqual(4);
  });

  it("rejects invalid days and since after until before any request", () => {
    const { src, stats } = source({});
    expect(() => metricsDays(src, { since: "2026-02-30" })).toThrow(RequestValidationError);
    expect(() => metricsDays(src, { since: "2026-05-05", until: "2026-05-01", now: NOW })).toThrow(
      /after until/,
    );
    expect(() => metricsDays(src, { since: "2026-05-01", concurrency: 0 })).toThrow(
      RequestValidationError,
    );
    expect(stats.dailyCalls).toEqual([]);
  });
});

describe("metricsUserDays", () => {
  it("deduplicates (user_id, day, organization_id) across the files of a split report", async () => {
    files({
      "u1.ndjson": ndjson([userDay(1, "2026-05-01"), userDay(2, "2026-05-01")]),
      "u2.ndjson": ndjson([
        userDay(2, "2026-05-01"),
        userDay(2, "2026-05-02"),
        userDay(2, "2026-05-01", { organization_id: "1000" }),
      ]),
    });
    const { src } = source({ latest: { users: links("u1.ndjson", "u2.ndjson") } });
    const out = await metricsUserDays(src).toArray();
    expect(out.map((r) => [r.user_id, r.day, r.organization_id])).toEqual([
      [1, "2026-05-01", "999"],
      [2, "2026-05-01", "999"],
      [2, "2026-05-02", "999"],
      [2, "2026-05-01", "1000"],
    ]);
  });

  it("reads a range day by day, deduplicating on the enterprise id in an enterprise scope", async () => {
    files({
      "e1.ndjson": ndjson([
        userDay(1, "2026-05-01", { organization_id: "1" }),
        userDay(1, "2026-05-01", { organization_id: "2" }),
      ]),
      "e3.ndjson": ndjson([userDay(1, "2026-05-03")]),
    });
    const { src } = source(
      { daily: { users: { "2026-05-01": links("e1.ndjson"), "2026-05-03": links("e3.ndjson") } } },
      "enterprise",
    );
    const userDays = metricsUserDays(src, { since: "2026-05-01", until: "2026-05-03", now: NOW });
    const out = await userDays.toArray();
    expect(out.map((r) => r.day)).toEqual(["2026-05-01", "2026-05-03"]);
    expect(userDays.skippedDays).toEqual(["2026-05-02"]);
  });
});

describe("metricsTeams", () => {
  const day = "2026-05-07";
  const member = (user_id: number, login: string, team_id: number, slug: string) => ({
    user_id,
    user_login: login,
    day,
    organization_id: "999",
    team_id,
    slug,
  });

  it("joins user-teams with users and sums per team (GitHub's documented example)", async () => {
    const alice = userDay(1001, day, {
      user_login: "alice",
      user_initiated_interaction_count: 50,
      code_generation_activity_count: 40,
      code_acceptance_activity_count: 12,
      loc_added_sum: 88,
      loc_deleted_sum: 0,
    });
    const bob = userDay(1002, day, {
      user_login: "bob",
      user_initiated_interaction_count: 30,
      code_generation_activity_count: 25,
      code_acceptance_activity_count: 7,
      loc_added_sum: 24,
      loc_deleted_sum: 0,
    });
    // carol's only team has fewer than five seats, so GitHub lists no team for her.
    const carol = userDay(1003, day, { user_login: "carol" });
    files({
      "ut.ndjson": ndjson([
        member(1001, "alice", 42, "frontend"),
        member(1001, "alice", 43, "backend"),
        member(1002, "bob", 42, "frontend"),
      ]),
      "ut2.ndjson": ndjson([member(1002, "bob", 42, "frontend")]),
      "u1.ndjson": ndjson([alice, bob]),
      "u2.ndjson": ndjson([bob, carol]),
    });
    const { src } = source({
      daily: {
        "user-teams": { [day]: links("ut.ndjson", "ut2.ndjson") },
        users: { [day]: links("u1.ndjson", "u2.ndjson") },
      },
    });
    const out = await metricsTeams(src, { day: new Date(`${day}T10:00:00Z`) }).toArray();
    expect(out).toEqual([
      {
        day,
        team_id: 42,
        slug: "frontend",
        active_users: 2,
        user_initiated_interaction_count: 80,
        code_generation_activity_count: 65,
        code_acceptance_activity_count: 19,
        loc_added_sum: 112,
        loc_deleted_sum: 0,
      },
      {
        day,
        team_id: 43,
        slug: "backend",
        active_users: 1,
        user_initiated_interaction_count: 50,
        code_generation_activity_count: 40,
        code_acceptance_activity_count: 12,
        loc_added_sum: 88,
        loc_deleted_sum: 0,
      },
    ]);
  });

  it("skips the day when a report is not ready (204)", async () => {
    const { src } = source({ daily: { "user-teams": { [day]: links("x") } } });
    const readSpy = vi.spyOn(src, "records");
    const teams = metricsTeams(src, { day });
    expect(await teams.toArray()).toEqual([]);
    expect(teams.skippedDays).toEqual([day]);
    expect(readSpy).not.toHaveBeenCalled();
  });
});

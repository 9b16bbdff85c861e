import { describe, expectTypeOf, it } from "vitest";
import { metricsDays } from "../../src/helpers/metrics/days.js";
import type { ReportSource } from "../../src/helpers/metrics/source.js";
import { metricsTeams, type TeamDayTotals } from "../../src/helpers/metrics/teams.js";
import { metricsUserDays } from "../../src/helpers/metrics/user-days.js";
import { Pipeline } from "../../src/internal/http/pipeline.js";
import type { DayTotals, UserDayRecord } from "../../src/internal/reports/record-schemas.js";
import { readReportRecords } from "../../src/internal/reports/records.js";

declare const source: ReportSource;

describe("metrics and record types", () => {
  it("types the records of each method", () => {
    expectTypeOf(metricsDays(source).toArray()).resolves.toEqualTypeOf<DayTotals[]>();
    expectTypeOf(metricsUserDays(source)).toExtend<AsyncIterable<UserDayRecord>>();
    expectTypeOf(metricsTeams(source, { day: "2026-05-07" }).skippedDays).toEqualTypeOf<string[]>();
    expectTypeOf<TeamDayTotals["active_users"]>().toEqualTypeOf<number>();
  });

  it("keeps documented fields typed and unknown fields reachable", () => {
    expectTypeOf<DayTotals["daily_active_users"]>().toEqualTypeOf<number>();
    expectTypeOf<UserDayRecord["user_id"]>().toEqualTypeOf<number>();
    expectTypeOf<UserDayRecord["organization_id"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<UserDayRecord["ai_credits_used"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<UserDayRecord["some_future_field"]>().toEqualTypeOf<unknown>();
  });

  it("requires a validation mode and rejects unknown report kinds", () => {
    const context = { pipeline: new Pipeline({}) };
    // @ts-expect-error validation is required
    readReportRecords({ download_links: [] }, context);
    // @ts-expect-error not a report kind
    readReportRecords({ download_links: [] }, { ...context, validation: "strict", kind: "teams" });
    expectTypeOf(
      readReportRecords<UserDayRecord>(
        { download_links: [] },
        { ...context, validation: "strict", kind: "users-1-day" },
      ),
    ).toExtend<AsyncIterable<UserDayRecord>>();
  });
});

import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../src/core/errors.js";
import {
  addDays,
  clampDayRange,
  eachDay,
  earliestAvailableDay,
  formatDay,
  latestAvailableDay,
} from "../../src/internal/dates.js";

describe("formatDay", () => {
  it("formats a Date as its UTC day and accepts valid day strings", () => {
    expect(formatDay(new Date("2026-03-01T23:30:00-05:00"))).toBe("2026-03-02");
    expect(formatDay("2024-02-29")).toBe("2024-02-29");
  });

  it.each(["2026-02-30", "2026-2-3", "2026-13-01", "20260101", "", "2026-01-01T00:00:00Z"])(
    "rejects %j",
    (value) => {
      expect(() => formatDay(value)).toThrow(RequestValidationError);
    },
  );

  it("rejects an invalid Date and names the parameter", () => {
    const error = (() => {
      try {
        formatDay(new Date("nope"), "since", "metrics.days");
      } catch (e) {
        return e as RequestValidationError;
      }
    })();
    expect(error?.operation).toBe("metrics.days");
    expect(error?.issues[0]?.path).toEqual(["since"]);
  });
});

describe("day ranges", () => {
  it("lists each day across month and leap-year boundaries", () => {
    expect([...eachDay("2024-02-27", "2024-03-01")]).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
    ]);
    expect([...eachDay("2024-03-02", "2024-03-01")]).toEqual([]);
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
  });

  it("gives yesterday (UTC) as the latest available day", () => {
    expect(latestAvailableDay(new Date("2026-05-09T00:00:01Z"))).toBe("2026-05-08");
    expect(latestAvailableDay(new Date("2026-05-08T23:59:59-02:00"))).toBe("2026-05-08");
  });

  it("starts the window at 2025-10-10, then one year back", () => {
    expect(earliestAvailableDay(new Date("2026-01-15T12:00:00Z"))).toBe("2025-10-10");
    expect(earliestAvailableDay(new Date("2027-06-15T12:00:00Z"))).toBe("2026-06-15");
  });

  it("clamps a range to the window and says so", () => {
    const now = new Date("2026-05-09T12:00:00Z");
    expect(clampDayRange({ since: "2025-01-01", until: "2026-06-01", now })).toEqual({
      since: "2025-10-10",
      until: "2026-05-08",
      empty: false,
      clamped: true,
    });
    expect(clampDayRange({ now })).toEqual({
      since: "2026-04-11",
      until: "2026-05-08",
      empty: false,
      clamped: false,
    });
    expect(clampDayRange({ since: "2026-05-20", until: "2026-05-21", now }).empty).toBe(true);
    expect(() => clampDayRange({ since: "2026-05-02", until: "2026-05-01", now })).toThrow(
      RequestValidationError,
    );
  });
});

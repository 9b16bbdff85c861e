import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../src/core/errors.js";
import { acceptanceRate, activeUsers, engagedUsers } from "../../src/helpers/usage.js";

describe("acceptanceRate", () => {
  it("divides summed acceptances by summed generations, null without generations", () => {
    expect(
      acceptanceRate({ code_generation_activity_count: 8, code_acceptance_activity_count: 2 }),
    ).toBe(0.25);
    expect(
      acceptanceRate([
        { code_generation_activity_count: 30, code_acceptance_activity_count: 10 },
        { code_generation_activity_count: 10, code_acceptance_activity_count: 10 },
      ]),
    ).toBe(0.5);
    expect(acceptanceRate({ code_generation_activity_count: 0 })).toBeNull();
    expect(acceptanceRate([])).toBeNull();
  });
});

describe("active and engaged users", () => {
  const rows = [
    { user_id: 1, day: "2026-05-01", user_initiated_interaction_count: 0, used_chat: false },
    { user_id: 1, day: "2026-05-02", user_initiated_interaction_count: 3 },
    { user_id: 2, day: "2026-05-02", code_acceptance_activity_count: 0 },
    { user_id: 3, day: "2026-05-05", used_agent: true },
  ];

  it("counts distinct users over the whole range, not per day", () => {
    expect(activeUsers(rows)).toBe(3);
    expect(activeUsers(rows, { since: "2026-05-01", until: "2026-05-02" })).toBe(2);
    expect(engagedUsers(rows)).toBe(2);
    expect(engagedUsers(rows, { until: new Date("2026-05-01T12:00:00Z") })).toBe(0);
  });

  it("rejects an invalid bound", () => {
    expect(() => activeUsers(rows, { since: "May 1" })).toThrow(RequestValidationError);
  });
});

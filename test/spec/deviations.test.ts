import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../scripts/spec/compare.js";
import { matchDeviations, parseDeviations } from "../../scripts/spec/deviations.js";
import { formatReport, passed } from "../../scripts/spec/report.js";
import { official, seatsApi, spec } from "./fixtures.js";

const theirs = seatsApi({
  type: "object",
  properties: { plan_type: { type: "string", enum: ["business", "enterprise"] } },
  required: ["plan_type"],
});
const ours = seatsApi({
  type: "object",
  properties: { plan_type: { type: "string", "x-extensible-enum": ["business", "enterprise"] } },
  required: ["plan_type"],
});
const declared = {
  at: "GET /orgs/{org}/seats 200 .plan_type",
  kind: "extensible-enum",
  reason: "plans are added over time",
  evidence: "the enum grew before",
};

function check(deviations: unknown[]) {
  const comparison = compareSpecs(spec(ours), [official(theirs)]);
  const match = matchDeviations(comparison.differences, parseDeviations({ deviations }));
  return { comparison, deviations: match, extensions: [], lint: [] };
}

describe("deviations", () => {
  it("fails on an undeclared difference and names its location and kind", () => {
    const result = check([]);
    expect(passed(result)).toBe(false);
    expect(result.deviations.unexplained).toHaveLength(1);
    const report = formatReport(result);
    expect(report).toContain('- at: "GET /orgs/{org}/seats 200 .plan_type"');
    expect(report).toContain("kind: extensible-enum");
    expect(report).toContain("FAILED");
  });

  it("passes when every difference is declared", () => {
    const result = check([declared]);
    expect(passed(result)).toBe(true);
    expect(result.deviations.explained).toHaveLength(1);
    expect(formatReport(result)).toMatch(/1 differences, 1 explained/);
  });

  it("fails on a stale deviation that matches nothing", () => {
    const stale = { ...declared, at: "GET /orgs/{org}/seats 200 .seat_type" };
    const result = check([declared, stale]);
    expect(passed(result)).toBe(false);
    expect(result.deviations.stale).toEqual([stale]);
    expect(formatReport(result)).toContain("Stale deviations (1)");
  });

  it("does not let a deviation of another kind explain a difference", () => {
    const result = check([{ ...declared, kind: "enum" }]);
    expect(result.deviations.unexplained).toHaveLength(1);
    expect(result.deviations.stale).toHaveLength(1);
  });

  it("fails on extension problems and lint errors, not on lint warnings", () => {
    const ok = check([declared]);
    expect(
      passed({ ...ok, extensions: ["GET /x: x-stability must be one of ga, preview, deprecated"] }),
    ).toBe(false);
    const warn = { severity: "warn" as const, rule: "r", message: "m", pointer: "#/" };
    expect(passed({ ...ok, lint: [warn] })).toBe(true);
    expect(passed({ ...ok, lint: [{ ...warn, severity: "error" as const }] })).toBe(false);
  });

  it("rejects malformed entries, unknown kinds and duplicates", () => {
    expect(() => parseDeviations({})).toThrow(/`deviations` list/);
    expect(() => parseDeviations({ deviations: [{ ...declared, reason: "" }] })).toThrow(
      /reason must be a non-empty string/,
    );
    expect(() => parseDeviations({ deviations: [{ ...declared, kind: "vibes" }] })).toThrow(
      /kind "vibes" is not one of/,
    );
    expect(() => parseDeviations({ deviations: [declared, declared] })).toThrow(
      /repeats extensible-enum @/,
    );
  });
});

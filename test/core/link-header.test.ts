import { describe, expect, it } from "vitest";
import { parseLinkHeader } from "../../src/internal/http/link-header.js";

describe("parseLinkHeader", () => {
  it("reads GitHub's next/last/prev/first links", () => {
    const header =
      '<https://api.github.com/orgs/o/copilot/billing/seats?per_page=100&page=2>; rel="next", ' +
      '<https://api.github.com/orgs/o/copilot/billing/seats?per_page=100&page=3>; rel="last", ' +
      '<https://api.github.com/orgs/o/copilot/billing/seats?per_page=100&page=1>; rel="first"';
    const links = parseLinkHeader(header);
    expect(links.next).toMatch(/page=2$/);
    expect(links.last).toMatch(/page=3$/);
    expect(links.first).toMatch(/page=1$/);
    expect(links.prev).toBeUndefined();
  });

  it("accepts unquoted rel, extra params, several rels in one value and keeps the first occurrence", () => {
    const links = parseLinkHeader(
      '<a?page=2>; type="x"; rel=next, <b>; rel="prev first", <c>; rel="next"',
    );
    expect(links).toEqual({ next: "a?page=2", prev: "b", first: "b" });
  });

  it("returns nothing for missing, empty and malformed headers", () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader("")).toEqual({});
    expect(parseLinkHeader("garbage; rel=next")).toEqual({});
    expect(parseLinkHeader("<unterminated; rel=next")).toEqual({});
    expect(parseLinkHeader("<x>")).toEqual({});
  });

  it("parses hostile 64 KB headers without backtracking blow-ups", () => {
    const hostile = [
      "<".repeat(65_536),
      `<${"a".repeat(65_536)}`,
      `${"<x>; rel=".repeat(6_500)}`,
      ";".repeat(65_536),
    ];
    for (const header of hostile) {
      const started = performance.now();
      parseLinkHeader(header);
      // A generous bound: the parser is linear, a quadratic one takes seconds here.
      expect(performance.now() - started).toBeLessThan(50);
    }
  });
});

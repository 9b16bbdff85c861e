import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../scripts/spec/compare.js";
import { loadDeviations, matchDeviations } from "../../scripts/spec/deviations.js";
import { checkExtensions } from "../../scripts/spec/extensions.js";
import { listOperations } from "../../scripts/spec/operations.js";
import { FILES, loadSources, SELECTED_OPERATION_IDS } from "../../scripts/spec/sources.js";

// The bundled spec against the installed official descriptions: what `npm run spec:check`
// enforces, minus the Redocly lint (see lint.test.ts).
describe("spec/copilot.openapi.yaml", () => {
  const { ours, sources } = loadSources();
  const comparison = compareSpecs(ours, sources);

  it("covers exactly the listed official operations: Copilot (no Spaces), billing, and the four legacy metrics ones", () => {
    const mine = listOperations(ours);
    expect(mine.size).toBe(81);
    const ids = [...mine.values()].map((entry) => String(entry.operation.operationId));
    expect(ids.sort()).toEqual([...SELECTED_OPERATION_IDS].sort());
    for (const source of sources) {
      for (const key of listOperations(source.document, source.select).keys())
        expect(mine.has(key), key).toBe(true);
    }
    expect([...mine.keys()].some((key) => key.includes("copilot-spaces"))).toBe(false);
    expect([...mine.keys()].filter((key) => key.startsWith("GET /organizations/")).length).toBe(6);
    const legacy = [...mine.values()].filter(
      (entry) => entry.operation["x-stability"] === "deprecated",
    );
    expect(legacy.map((entry) => entry.key).sort()).toEqual([
      "GET /enterprises/{enterprise}/copilot/metrics",
      "GET /enterprises/{enterprise}/team/{team_slug}/copilot/metrics",
      "GET /orgs/{org}/copilot/metrics",
      "GET /orgs/{org}/team/{team_slug}/copilot/metrics",
    ]);
    expect(comparison.differences.filter((d) => d.kind.endsWith("-operation"))).toEqual([]);
    expect(comparison.operationsCompared).toBe(81);
  });

  it("differs from the official description only where spec/deviations.yaml says why", () => {
    const match = matchDeviations(comparison.differences, loadDeviations(FILES.deviations));
    expect(match.unexplained).toEqual([]);
    expect(match.stale).toEqual([]);
  });

  it("keeps the extension contract", () => {
    expect(checkExtensions(ours)).toEqual([]);
  });

  it("marks the seat, billing and team operations as user-management previews and the reports as ga", () => {
    for (const entry of listOperations(ours).values()) {
      const tag = (entry.operation.tags as string[])[0];
      if (tag === "seats" || tag === "billing" || tag === "teams") {
        expect(entry.operation["x-preview-area"], entry.key).toBe("user-management");
      }
      if (tag === "reports") expect(entry.operation["x-stability"], entry.key).toBe("ga");
    }
  });
});

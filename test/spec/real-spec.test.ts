import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../scripts/spec/compare.js";
import { loadDeviations, matchDeviations } from "../../scripts/spec/deviations.js";
import { checkExtensions } from "../../scripts/spec/extensions.js";
import { listOperations } from "../../scripts/spec/operations.js";
import { FILES, loadSources, selectCurrent } from "../../scripts/spec/sources.js";

// The bundled spec against the installed official descriptions: what `npm run spec:check`
// enforces, minus the Redocly lint (see lint.test.ts).
describe("spec/copilot.openapi.yaml", () => {
  const { ours, sources } = loadSources();
  const comparison = compareSpecs(ours, sources);

  it("covers every official Copilot operation except Copilot Spaces, plus the four legacy metrics ones", () => {
    const current = listOperations(sources[0]!.document, selectCurrent);
    expect(current.size).toBeGreaterThan(40);
    const mine = listOperations(ours);
    for (const key of current.keys()) expect(mine.has(key), key).toBe(true);
    expect([...mine.keys()].some((key) => key.includes("copilot-spaces"))).toBe(false);
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

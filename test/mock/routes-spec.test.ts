/**
 * The mock serves every operation of the spec, and each route's method, path, token scopes and
 * docs URL are the spec's (`x-oauth-scopes`, `externalDocs`), not a second hand-kept copy.
 */
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import type { OperationMeta } from "../../src/core/operation.js";
import { routes } from "../../src/mock/routes/index.js";

const specOperations = Object.values(operations) as OperationMeta[];

describe("mock routes and the spec", () => {
  it.each(specOperations.map((op) => [op.id, op] as const))(
    "%s has a route that agrees",
    (_, op) => {
      const matching = routes.filter((r) => r.method === op.method && r.path === op.path);
      expect(matching).toHaveLength(1);
      const route = matching[0]!;
      expect([...route.scopes].sort()).toEqual([...op.scopes].sort());
      expect(route.docs).toBe(op.docs);
      expect(op.docs).toMatch(
        /^https:\/\/docs\.github\.com\/(en\/)?(enterprise-cloud@latest\/)?rest\/(copilot|billing)\/[\w-]+#[\w-]+$/,
      );
    },
  );

  it("has no route outside the spec", () => {
    const known = new Set(specOperations.map((op) => `${op.method} ${op.path}`));
    // The GitHub App token routes (`appJwt`) serve `githubApp()`; they are not Copilot operations.
    expect(routes.filter((r) => !r.appJwt && !known.has(`${r.method} ${r.path}`))).toEqual([]);
  });
});

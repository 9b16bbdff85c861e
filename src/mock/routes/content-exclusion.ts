/**
 * Content exclusion rules, org and enterprise: GET answers the rules map
 * (repository or `"*"` → paths), PUT replaces it and answers 200 `{ message }`
 * (https://docs.github.com/en/rest/copilot/copilot-content-exclusion-management).
 * Values are path strings or `{ ifAnyMatch: string[] }` / `{ ifNoneMatch: string[] }`;
 * anything else is 422 `Validation Failed`, a body over 1 MB is 413.
 */
import { error, json, notFound } from "../http.js";
import { fromSpec, type Route, type RouteContext } from "../router.js";
import type { ContentExclusionRules } from "../types.js";
import { findEnterprise, findOrg, readObject } from "./lookup.js";

const MAX_BODY = 1_000_000;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function isRule(value: unknown): boolean {
  if (typeof value === "string") return true;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const key = keys[0];
  return (
    (key === "ifAnyMatch" || key === "ifNoneMatch") &&
    isStringArray((value as Record<string, unknown>)[key])
  );
}

/** The problems of a rules map, as GitHub lists them in `errors`. */
export function ruleErrors(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [target, rules] of Object.entries(body)) {
    if (!Array.isArray(rules)) problems.push(`${target}: rules must be an array`);
    else if (!rules.every(isRule))
      problems.push(
        `${target}: each rule must be a path string, { ifAnyMatch: [...] } or { ifNoneMatch: [...] }`,
      );
  }
  return problems;
}

async function put(
  ctx: RouteContext,
  docs: string,
  assign: (rules: ContentExclusionRules) => void,
): Promise<Response> {
  const read = await readObject(ctx, docs);
  if (!read.ok) return read.response;
  if (JSON.stringify(read.body).length > MAX_BODY) return error(413, "Payload Too Large", docs);
  const problems = ruleErrors(read.body);
  if (problems.length > 0) return error(422, "Validation Failed", docs, {}, { errors: problems });
  assign(read.body as ContentExclusionRules);
  ctx.state.version++;
  return json(200, { message: "Content exclusion rules updated successfully." });
}

/** Content exclusion routes. */
export const contentExclusionRoutes: Route[] = [
  {
    ...fromSpec("copilot/copilot-content-exclusion-for-organization"),
    handle(ctx) {
      const org = findOrg(ctx);
      return org ? json(200, org.contentExclusion) : notFound(this.docs);
    },
  },
  {
    ...fromSpec("copilot/set-copilot-content-exclusion-for-organization"),
    handle(ctx) {
      const org = findOrg(ctx);
      if (!org) return notFound(this.docs);
      return put(ctx, this.docs, (rules) => {
        org.contentExclusion = rules;
      });
    },
  },
  {
    ...fromSpec("copilot/copilot-content-exclusion-for-enterprise"),
    handle(ctx) {
      const enterprise = findEnterprise(ctx);
      return enterprise ? json(200, enterprise.contentExclusion) : notFound(this.docs);
    },
  },
  {
    ...fromSpec("copilot/set-copilot-content-exclusion-for-enterprise"),
    handle(ctx) {
      const enterprise = findEnterprise(ctx);
      if (!enterprise) return notFound(this.docs);
      return put(ctx, this.docs, (rules) => {
        enterprise.contentExclusion = rules;
      });
    },
  },
];

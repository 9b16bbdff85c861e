/**
 * Turns zod's issues into the SDK's, with messages that name the field: a missing required
 * field says so by name, a wrong type says what it got, and a union (`assignee`,
 * `assigning_team`) that no alternative matches reports what its closest alternative lacks,
 * at the full path. The same text goes into `strict` errors and `warn` logs.
 */
import type { ValidationIssue } from "../../core/errors.js";

/** The zod 4 issue fields this module reads. */
interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  errors?: readonly (readonly ZodIssueLike[])[];
}

/** The SDK's issues for zod's issues about `data`. */
export function describeIssues(
  issues: readonly ZodIssueLike[],
  data: unknown,
  prefix: (string | number)[] = [],
): ValidationIssue[] {
  return issues.flatMap((issue) => describe(issue, data, prefix));
}

function describe(issue: ZodIssueLike, data: unknown, prefix: (string | number)[]) {
  const path = [
    ...prefix,
    ...issue.path.filter((p): p is string | number => typeof p !== "symbol"),
  ];
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    const closest = closestAlternative(issue.errors);
    const count = issue.errors.length;
    return describeIssues(closest, data, path).map((inner) => ({
      ...inner,
      message: `${inner.message} (the closest of the ${count} alternatives at ${path.join(".") || "(root)"})`,
    }));
  }
  return [{ path, code: issue.code, message: message(issue, path, data) }];
}

/**
 * The alternative that came closest: one whose type matched (its issues are inside the value,
 * not about the value itself: an object is not compared with the `null` alternative), then
 * the fewest issues, then the one that got deeper, then the first.
 */
function closestAlternative(alternatives: readonly (readonly ZodIssueLike[])[]) {
  const rank = (issues: readonly ZodIssueLike[]) => {
    const depth = Math.max(0, ...issues.map((i) => i.path.length));
    return [depth === 0 ? 1 : 0, issues.length, -depth];
  };
  let best = alternatives[0]!;
  let bestRank = rank(best);
  for (const candidate of alternatives.slice(1)) {
    const candidateRank = rank(candidate);
    const i = candidateRank.findIndex((value, k) => value !== bestRank[k]);
    if (i >= 0 && candidateRank[i]! < bestRank[i]!) {
      best = candidate;
      bestRank = candidateRank;
    }
  }
  return best;
}

function message(issue: ZodIssueLike, path: (string | number)[], data: unknown): string {
  const value = valueAt(data, path);
  const field = path.at(-1);
  if (issue.code === "invalid_type") {
    if (value.found === "absent" && typeof field === "string") {
      return `missing required field "${field}" (${issue.expected ?? "a value"})`;
    }
    return `expected ${issue.expected ?? "another type"}, got ${kind(value.value)}`;
  }
  if (issue.code === "invalid_value" && issue.values) {
    return `${JSON.stringify(value.value)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (issue.code === "unrecognized_keys" && issue.keys) {
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  return issue.message;
}

/** The value at `path` in `data`, or `absent` when its parent object lacks the key. */
function valueAt(data: unknown, path: (string | number)[]) {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) {
      return { found: "absent" as const, value: undefined };
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  return { found: "present" as const, value: node };
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

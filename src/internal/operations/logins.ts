/**
 * Names GitHub could have issued, checked before a seat mutation sends anything: a login or
 * organization name that GitHub cannot have issued matches no account, so GitHub answers
 * with a count of 0 (a removal "succeeds" having changed nothing) or a 422 for the whole batch.
 *
 * GitHub's rules: letters, digits and hyphens, 1 to 39 characters, not starting with a hyphen;
 * Enterprise Managed Users' logins end in `_` and the enterprise's short code
 * (e.g. `mona_octo`). Surrounding whitespace is an error, never trimmed silently: a login read
 * from a spreadsheet with a stray space is a bug in the input the caller must see.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/admin/managing-iam/understanding-iam-for-enterprises/about-enterprise-managed-users#usernames-and-profile-information
 */
import { RequestValidationError, type ValidationIssue } from "../../core/errors.js";

/** Longest login or organization name GitHub issues. */
export const MAX_LOGIN_LENGTH = 39;

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]*(?:_[A-Za-z0-9]+)?$/;
const ORG = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** A short, printable rendering of a rejected name (invisible and non-ASCII characters escaped). */
function shown(value: string): string {
  const head = value.length > 45 ? `${value.slice(0, 40)}…` : value;
  const escaped = head.replace(
    /[^\x21-\x7e]/gu,
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`,
  );
  return `"${escaped}"${value.length > 45 ? ` (${value.length} characters)` : ""}`;
}

/** Why `value` cannot be a name GitHub issued, or `undefined` when it can. */
function problem(value: unknown, pattern: RegExp, what: string): string | undefined {
  if (typeof value !== "string") return `expected a ${what} (a string), got ${typeof value}`;
  if (value.length === 0) return `an empty ${what}`;
  if (value.trim() !== value) return `${shown(value)} has surrounding whitespace`;
  if (value.length > MAX_LOGIN_LENGTH)
    return `${shown(value)} is longer than ${MAX_LOGIN_LENGTH} characters`;
  if (value.startsWith("-")) return `${shown(value)} starts with a hyphen`;
  if (!pattern.test(value))
    return `${shown(value)} is not a GitHub ${what}: only letters, digits and hyphens${
      pattern === LOGIN ? " (plus an Enterprise Managed Users _shortcode suffix)" : ""
    }`;
  return undefined;
}

/**
 * Checks a list of logins and returns it de-duplicated case-insensitively (GitHub logins are
 * case-insensitive; the first spelling is kept, order kept).
 *
 * @throws {RequestValidationError} listing every bad entry (`path: [key, index]`), or for an
 *   empty list / not an array.
 */
export function checkLogins(operation: string, key: string, names: unknown): string[] {
  return checkList(operation, key, names, (name) => problem(name, LOGIN, "login"));
}

/**
 * Checks a list of names of another kind (team slugs): non-empty strings without surrounding
 * whitespace, de-duplicated case-insensitively (slugs are lower-case on GitHub).
 *
 * @throws {RequestValidationError} as {@link checkLogins}.
 */
export function checkNames(operation: string, key: string, names: unknown): string[] {
  return checkList(operation, key, names, (name) => {
    if (typeof name !== "string" || name.length === 0) return "expected a non-empty string";
    if (name.trim() !== name) return `${shown(name)} has surrounding whitespace`;
    return undefined;
  });
}

/** @throws {RequestValidationError} unless `org` is a name GitHub could have issued to an organization. */
export function checkOrg(operation: string, org: unknown, key = "org"): string {
  const why = problem(org, ORG, "organization name");
  if (why) throw invalid(operation, [{ path: [key], code: "invalid_org", message: why }]);
  return org as string;
}

function checkList(
  operation: string,
  key: string,
  names: unknown,
  why: (name: unknown) => string | undefined,
): string[] {
  if (!Array.isArray(names) || names.length === 0) {
    throw invalid(operation, [
      { path: [key], code: "invalid_names", message: "a non-empty array of names is required" },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const unique: string[] = [];
  names.forEach((name: unknown, i) => {
    const message = why(name);
    if (message) {
      issues.push({ path: [key, i], code: "invalid_login", message });
      return;
    }
    const folded = (name as string).toLowerCase();
    if (seen.has(folded)) return;
    seen.add(folded);
    unique.push(name as string);
  });
  if (issues.length > 0) throw invalid(operation, issues);
  return unique;
}

function invalid(operation: string, issues: ValidationIssue[]): RequestValidationError {
  // At most 20 issues are kept: a list of 100 000 bad names must not make a 100 000-line error.
  return new RequestValidationError({
    operation,
    issues: issues.slice(0, 20),
    hint: "Nothing was sent. Logins are GitHub usernames as issued (letters, digits, hyphens; Enterprise Managed Users add _shortcode); trim and fix the input.",
  });
}

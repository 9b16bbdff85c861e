/**
 * Usage-metrics report endpoints (org and enterprise; 1-day with `day`, 28-day
 * latest), answering `{ download_links, report_day }` or
 * `{ download_links, report_start_day, report_end_day }` with signed links to the
 * download origin (https://docs.github.com/en/rest/copilot/copilot-usage-metrics).
 * Days are UTC; data lags one day, so today and later are not ready yet (204 where
 * the description documents it, else 404), and days more than a year back answer 404.
 */
import { type Scope, scopeUsers } from "../activity.js";
import { addDays, isoDay, isValidDay } from "../dates.js";
import { empty, error, json, notFound } from "../http.js";
import { type ReportKind, USERS_PER_FILE } from "../report-files.js";
import type { Route, RouteContext } from "../router.js";
import { signUrl } from "../signing.js";
import { findEnterprise, findOrg } from "./lookup.js";

const DOCS = "https://docs.github.com/rest/copilot/copilot-usage-metrics";

/** Path prefix of report files on the download origin. */
export const REPORTS_PREFIX = "/copilot-usage-reports";

/** The latest day with data, and the earliest GitHub keeps (one year back). */
export function reportWindow(now: Date): { earliest: string; latest: string } {
  const latest = addDays(isoDay(now), -1);
  return { earliest: addDays(latest, -365), latest };
}

function scopeOf(ctx: RouteContext): { scope: Scope; segment: string } | null {
  if (ctx.params.org !== undefined) {
    const org = findOrg(ctx);
    return org ? { scope: { kind: "org", org }, segment: `orgs/${org.login}` } : null;
  }
  const enterprise = findEnterprise(ctx);
  return enterprise
    ? { scope: { kind: "enterprise" }, segment: `enterprises/${enterprise.slug}` }
    : null;
}

/** Totals reports are one JSON document; the others are NDJSON rows. */
const TOTALS = new Set<ReportKind>([
  "organization-1-day",
  "organization-28-day",
  "enterprise-1-day",
  "enterprise-28-day",
]);

/** How many files a report is split in. */
function partCount(ctx: RouteContext, scope: Scope, kind: ReportKind): number {
  if (kind === "users-28-day") return 4;
  if (kind === "users-1-day")
    return Math.max(1, Math.ceil(scopeUsers(ctx.state, scope).length / USERS_PER_FILE));
  return 1;
}

function links(
  ctx: RouteContext,
  scope: Scope,
  segment: string,
  kind: ReportKind,
  period: string,
): string[] {
  const n = partCount(ctx, scope, kind);
  const ext = TOTALS.has(kind) ? "json" : "ndjson";
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const path = `${REPORTS_PREFIX}/${segment}/${kind}/${period}/part-${i}-of-${n}.${ext}`;
    out.push(signUrl(ctx.origins.downloadOrigin, path, ctx.secret, ctx.now));
  }
  return out;
}

/**
 * GitHub documents 204 (not ready) only for some 1-day endpoints; the others
 * answer 404 for a day without data, so clients see what the description allows.
 */
function oneDay(kind: ReportKind, docs: string, noContent: boolean): Route["handle"] {
  return (ctx) => {
    const found = scopeOf(ctx);
    if (!found) return notFound(docs);
    const day = ctx.url.searchParams.get("day") ?? "";
    if (!isValidDay(day))
      return error(400, "The day parameter must be a date in YYYY-MM-DD format.", docs);
    const window = reportWindow(ctx.now);
    if (day > window.latest) {
      return noContent
        ? empty(204)
        : error(404, "No report is available for the requested day yet.", docs);
    }
    if (day < window.earliest)
      return error(404, "No report is available for the requested day.", docs);
    return json(200, {
      download_links: links(ctx, found.scope, found.segment, kind, day),
      report_day: day,
    });
  };
}

function latest(kind: ReportKind, docs: string): Route["handle"] {
  return (ctx) => {
    const found = scopeOf(ctx);
    if (!found) return notFound(docs);
    const end = reportWindow(ctx.now).latest;
    const start = addDays(end, -27);
    return json(200, {
      download_links: links(ctx, found.scope, found.segment, kind, `${start}_${end}`),
      report_start_day: start,
      report_end_day: end,
    });
  };
}

const ORG_SCOPES = ["read:org"];
const ENTERPRISE_SCOPES = ["manage_billing:copilot", "read:enterprise"];

function reportRoute(
  owner: "org" | "enterprise",
  file: string,
  kind: ReportKind,
  anchor: string,
  noContent = false,
): Route {
  const base = owner === "org" ? "/orgs/{org}" : "/enterprises/{enterprise}";
  const docs = `${DOCS}#${anchor}`;
  return {
    method: "GET",
    path: `${base}/copilot/metrics/reports/${file}`,
    scopes: owner === "org" ? ORG_SCOPES : ENTERPRISE_SCOPES,
    docs,
    handle: file.endsWith("/latest") ? latest(kind, docs) : oneDay(kind, docs, noContent),
  };
}

/** Report link routes; `true` marks the 1-day endpoints documented to answer 204. */
export const reportRoutes: Route[] = [
  reportRoute(
    "org",
    "organization-1-day",
    "organization-1-day",
    "get-copilot-organization-usage-metrics-for-a-specific-day",
    true,
  ),
  reportRoute(
    "org",
    "organization-28-day/latest",
    "organization-28-day",
    "get-copilot-organization-usage-metrics",
  ),
  reportRoute(
    "org",
    "users-1-day",
    "users-1-day",
    "get-copilot-organization-users-usage-metrics-for-a-specific-day",
    true,
  ),
  reportRoute(
    "org",
    "users-28-day/latest",
    "users-28-day",
    "get-copilot-organization-users-usage-metrics",
  ),
  reportRoute(
    "org",
    "user-teams-1-day",
    "user-teams-1-day",
    "get-copilot-organization-user-teams-report-for-a-specific-day",
    true,
  ),
  reportRoute(
    "org",
    "repos-1-day",
    "repos-1-day",
    "get-copilot-organization-repository-report-for-a-specific-day",
    true,
  ),
  reportRoute(
    "enterprise",
    "enterprise-1-day",
    "enterprise-1-day",
    "get-copilot-enterprise-usage-metrics-for-a-specific-day",
  ),
  reportRoute(
    "enterprise",
    "enterprise-28-day/latest",
    "enterprise-28-day",
    "get-copilot-enterprise-usage-metrics",
  ),
  reportRoute(
    "enterprise",
    "users-1-day",
    "users-1-day",
    "get-copilot-users-usage-metrics-for-a-specific-day",
  ),
  reportRoute(
    "enterprise",
    "users-28-day/latest",
    "users-28-day",
    "get-copilot-users-usage-metrics",
  ),
  reportRoute(
    "enterprise",
    "user-teams-1-day",
    "user-teams-1-day",
    "get-copilot-enterprise-user-teams-report-for-a-specific-day",
  ),
  reportRoute(
    "enterprise",
    "repos-1-day",
    "repos-1-day",
    "get-copilot-enterprise-repository-report-for-a-specific-day",
    true,
  ),
];

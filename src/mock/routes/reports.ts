/**
 * Usage-metrics report endpoints (org and enterprise; 1-day with `day`, 28-day
 * latest), answering `{ download_links, report_day }` or
 * `{ download_links, report_start_day, report_end_day }` with signed links to the
 * download origin (https://docs.github.com/en/rest/copilot/copilot-usage-metrics).
 * Days are UTC; data lags one day, so today and later are not ready yet (204 where
 * the description documents it, else 404), and days more than a year back answer 404.
 */

import type { OperationId } from "../../../generated/operations.js";
import { type Scope, scopeUsers } from "../activity.js";
import { addDays, isoDay, isValidDay } from "../dates.js";
import { empty, error, json, notFound } from "../http.js";
import { type ReportKind, USERS_PER_FILE } from "../report-files.js";
import { fromSpec, type Route, type RouteContext } from "../router.js";
import { signUrl } from "../signing.js";
import { findEnterprise, findOrg } from "./lookup.js";

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

function reportRoute(id: OperationId, kind: ReportKind, noContent = false): Route {
  const spec = fromSpec(id);
  const handle = spec.path.endsWith("/latest")
    ? latest(kind, spec.docs)
    : oneDay(kind, spec.docs, noContent);
  return { ...spec, handle };
}

/** Report link routes; `true` marks the 1-day endpoints documented to answer 204. */
export const reportRoutes: Route[] = [
  reportRoute("copilot/copilot-organization-one-day-usage-metrics", "organization-1-day", true),
  reportRoute("copilot/copilot-organization-usage-metrics", "organization-28-day"),
  reportRoute("copilot/copilot-organization-users-one-day-usage-metrics", "users-1-day", true),
  reportRoute("copilot/copilot-organization-users-usage-metrics", "users-28-day"),
  reportRoute("copilot/copilot-organization-user-teams-one-day-report", "user-teams-1-day", true),
  reportRoute("copilot/copilot-organization-repos-one-day-report", "repos-1-day", true),
  reportRoute("copilot/copilot-enterprise-one-day-usage-metrics", "enterprise-1-day"),
  reportRoute("copilot/copilot-enterprise-usage-metrics", "enterprise-28-day"),
  reportRoute("copilot/copilot-users-one-day-usage-metrics", "users-1-day"),
  reportRoute("copilot/copilot-users-usage-metrics", "users-28-day"),
  reportRoute("copilot/copilot-enterprise-user-teams-one-day-report", "user-teams-1-day"),
  reportRoute("copilot/copilot-enterprise-repos-one-day-report", "repos-1-day", true),
];

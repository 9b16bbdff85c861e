/**
 * The download origin: serves the report files behind `download_links`.
 * Like a presigned object-store URL, the query string is the credential:
 * a request that also sends `Authorization` gets 400, an expired link 403
 * `AccessDenied`, a tampered one 403 `SignatureDoesNotMatch`.
 */
import { type Scope, scopeUsers } from "../activity.js";
import { addDays } from "../dates.js";
import {
  dayTotals,
  ndjson,
  type ReportKind,
  repoRows,
  USERS_PER_FILE,
  userRows,
  userTeamRows,
} from "../report-files.js";
import { signatureRefusal, xmlError } from "../signing.js";
import type { MockState } from "../types.js";
import { serveExportFile } from "./billing-exports.js";
import { REPORTS_PREFIX } from "./reports.js";

const FILE = new RegExp(
  `^${REPORTS_PREFIX}/(orgs|enterprises)/([^/]+)/([a-z0-9-]+)/(\\d{4}-\\d{2}-\\d{2})(?:_(\\d{4}-\\d{2}-\\d{2}))?/part-(\\d+)-of-(\\d+)\\.(json|ndjson)$`,
);

function resolveScope(state: MockState, owner: string, name: string): Scope | null {
  if (owner === "orgs") {
    const org = state.orgs.get(name.toLowerCase());
    return org ? { kind: "org", org } : null;
  }
  return state.enterprise.slug.toLowerCase() === name.toLowerCase() ? { kind: "enterprise" } : null;
}

function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

function fileBody(
  state: MockState,
  scope: Scope,
  kind: ReportKind,
  start: string,
  end: string,
  part: number,
): string | null {
  switch (kind) {
    case "organization-1-day":
    case "enterprise-1-day":
      return JSON.stringify(dayTotals(state, scope, start));
    case "organization-28-day":
    case "enterprise-28-day": {
      const users = scopeUsers(state, scope);
      const ids: Record<string, string> = { enterprise_id: String(state.enterprise.id) };
      if (scope.kind === "org") ids.organization_id = String(scope.org.id);
      return JSON.stringify({
        ...ids,
        report_start_day: start,
        report_end_day: end,
        day_totals: daysBetween(start, end).map((day) => dayTotals(state, scope, day, users)),
      });
    }
    case "users-1-day": {
      const users = scopeUsers(state, scope).slice(
        (part - 1) * USERS_PER_FILE,
        part * USERS_PER_FILE,
      );
      return ndjson(userRows(state, scope, [start], users));
    }
    case "users-28-day": {
      const days = daysBetween(start, end).slice((part - 1) * 7, part * 7);
      return ndjson(userRows(state, scope, days));
    }
    case "user-teams-1-day":
      return ndjson(userTeamRows(state, scope, start));
    case "repos-1-day":
      return ndjson(repoRows(state, scope, start));
    default:
      return null;
  }
}

/** Answers one request to the download origin; `path` is relative to the origin. */
export function serveDownload(
  request: Request,
  path: string,
  query: URLSearchParams,
  state: MockState,
  secret: string,
  now: Date,
): Response {
  if (request.headers.has("authorization")) {
    return xmlError(
      400,
      "InvalidArgument",
      "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
    );
  }
  const exportFile = serveExportFile(request, path, query, state, secret, now);
  if (exportFile) return exportFile;
  const match = FILE.exec(path);
  if (!match || (request.method !== "GET" && request.method !== "HEAD")) {
    return xmlError(404, "NoSuchKey", "The specified key does not exist.");
  }
  const refused = signatureRefusal(path, query, secret, now);
  if (refused) return refused;
  const [, owner = "", name = "", kind = "", start = "", end, part = "1", , ext] = match;
  const scope = resolveScope(state, owner, name);
  const body = scope
    ? fileBody(state, scope, kind as ReportKind, start, end ?? start, Number(part))
    : null;
  if (body === null) return xmlError(404, "NoSuchKey", "The specified key does not exist.");
  const type = ext === "ndjson" ? "application/x-ndjson" : "application/json";
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: {
      "content-type": type,
      "content-length": String(new TextEncoder().encode(body).length),
    },
  });
}

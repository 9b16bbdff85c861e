/**
 * Usage-report exports of the mock enterprise (https://docs.github.com/rest/billing/usage-reports):
 * created `processing`, `completed` from the third read on, with signed `download_urls` to CSV
 * files on the download origin (one per month of the range). The files are served like the
 * usage-metrics report files: the signed query is the credential, `Authorization` is refused.
 */
import { EXPORTS_PREFIX, exportFile, exportMonths } from "../billing/export-files.js";
import { billingOf, type MockExport, mockUuid } from "../billing/state.js";
import { isoDay, isoTimestamp, isValidDay } from "../dates.js";
import { error, json, notFound } from "../http.js";
import { type Route, type RouteContext, specRoute } from "../router.js";
import { signatureRefusal, signUrl, xmlError } from "../signing.js";
import type { MockState } from "../types.js";
import { findEnterprise, readObject } from "./lookup.js";

const _DOCS = "https://docs.github.com/rest/billing/usage-reports";
const TYPES = new Set(["detailed", "summarized", "premium_request", "ai_credit"]);
const BASE = "/enterprises/{enterprise}/settings/billing/reports";

function render(ctx: RouteContext, exp: MockExport): Record<string, unknown> {
  const billing = billingOf(ctx.state);
  const completed = exp.polls >= billing.pollsToComplete;
  const { polls: _polls, ...wire } = exp;
  if (!completed) return { ...wire, status: "processing" };
  const months = exportMonths(exp);
  const slug = ctx.state.enterprise.slug;
  return {
    ...wire,
    status: "completed",
    download_urls: months.map((_, i) =>
      signUrl(
        ctx.origins.downloadOrigin,
        `${EXPORTS_PREFIX}/${slug}/${exp.id}/part-${i + 1}-of-${months.length}.csv`,
        ctx.secret,
        ctx.now,
      ),
    ),
  };
}

/** Export routes. */
export const billingExportRoutes: Route[] = [
  {
    ...specRoute("GET", BASE),
    handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      const exports = [...billingOf(ctx.state).exports.values()].reverse();
      return json(200, { usage_report_exports: exports.map((e) => render(ctx, e)) });
    },
  },
  {
    ...specRoute("POST", BASE),
    async handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      const read = await readObject(ctx, this.docs);
      if (!read.ok) return read.response;
      const { report_type, start_date, end_date } = read.body;
      const end = end_date ?? isoDay(ctx.now);
      if (typeof report_type !== "string" || !TYPES.has(report_type))
        return error(
          422,
          "Invalid request.\n\nreport_type is not one of the known report types.",
          this.docs,
        );
      if (
        typeof start_date !== "string" ||
        !isValidDay(start_date) ||
        typeof end !== "string" ||
        !isValidDay(end) ||
        end < start_date
      )
        return error(
          422,
          "Invalid request.\n\nstart_date and end_date must be YYYY-MM-DD, start first.",
          this.docs,
        );
      const exp: MockExport = {
        id: mockUuid(ctx.state.randomSeed, `export-${ctx.state.nextId++}`),
        report_type: report_type as MockExport["report_type"],
        start_date,
        end_date: end,
        created_at: isoTimestamp(ctx.now),
        actor: "octocat",
        polls: 0,
      };
      billingOf(ctx.state).exports.set(exp.id, exp);
      ctx.state.version++;
      return json(202, render(ctx, exp));
    },
  },
  {
    ...specRoute("GET", `${BASE}/{report_id}`),
    handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      const exp = billingOf(ctx.state).exports.get(ctx.params.report_id ?? "");
      if (!exp) return notFound(this.docs);
      exp.polls += 1;
      return json(200, render(ctx, exp));
    },
  },
];

const FILE = new RegExp(`^${EXPORTS_PREFIX}/([^/]+)/([0-9a-f-]+)/part-(\\d+)-of-(\\d+)\\.csv$`);

/** Answers a download-origin request for an export file, or `undefined` when `path` is not one. */
export function serveExportFile(
  request: Request,
  path: string,
  query: URLSearchParams,
  state: MockState,
  secret: string,
  now: Date,
): Response | undefined {
  if (!path.startsWith(`${EXPORTS_PREFIX}/`)) return undefined;
  const match = FILE.exec(path);
  const exp = match ? billingOf(state).exports.get(match[2] ?? "") : undefined;
  if (!match || !exp) return xmlError(404, "NoSuchKey", "The specified key does not exist.");
  const refused = signatureRefusal(path, query, secret, now);
  if (refused) return refused;
  const body = exportFile(state, exp, Number(match[3]), now);
  if (body === null) return xmlError(404, "NoSuchKey", "The specified key does not exist.");
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-length": String(new TextEncoder().encode(body).length),
    },
  });
}

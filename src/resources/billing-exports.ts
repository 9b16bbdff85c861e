/**
 * `client.billing.exports`: usage-report exports of an enterprise. An export is created
 * `processing`, becomes `completed` with `download_urls` (or `failed`) a while later;
 * `waitFor` polls it, `records` streams the rows of its files.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage-reports
 */
import { CopilotError } from "../core/errors.js";
import type { RequestOptions } from "../core/options.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { readExportRecords } from "../internal/billing/export-records.js";
import { sleep } from "../internal/resilience/abort.js";
import { Resource } from "./resource.js";

/** `{ id, report_type, start_date, end_date, status, download_urls?, created_at?, actor? }`. */
export type UsageReportExport = OperationResult<"billing/get-usage-report-export">;

/** `report_type` of an export: `detailed`, `summarized`, `premium_request` or `ai_credit`. */
export type UsageReportType = UsageReportExport["report_type"];

/**
 * One row of an export file, by GitHub's column names. Quantities and US dollar amounts are
 * numbers (`undefined` when the cell is empty), every other column a string. Which columns a
 * file has depends on its `report_type` (e.g. `model` in `ai_credit` and `premium_request`
 * exports, `repository` in `detailed` ones); unknown columns are kept.
 */
export interface ExportRecord {
  date?: string;
  product?: string;
  sku?: string;
  model?: string;
  username?: string;
  organization?: string;
  repository?: string;
  cost_center_name?: string;
  unit_type?: string;
  quantity?: number;
  applied_cost_per_quantity?: number;
  gross_amount?: number;
  discount_amount?: number;
  net_amount?: number;
  [column: string]: string | number | undefined;
}

/** Options of {@link BillingExports.waitFor}. */
export interface WaitForExportOptions extends RequestOptions {
  /** The enterprise slug the export belongs to. */
  enterprise: string;
  /** Wait between polls, in ms. Default `5_000`. Each poll is a request under the client's rate-limit policy. */
  pollMs?: number;
  /** Longest total wait, in ms, before giving up with a `CopilotError`. Default `3_600_000` (one hour). */
  maxWaitMs?: number;
}

/** Where an export this client returned came from, so expired links can be re-read. */
const ENTERPRISE_OF = new WeakMap<object, string>();

/** Usage-report exports of an enterprise. */
export class BillingExports extends Resource {
  #remember(value: UsageReportExport, enterprise: string): UsageReportExport {
    if (value && typeof value === "object") ENTERPRISE_OF.set(value, enterprise);
    return value;
  }

  /**
   * Starts an export of a usage report over `start_date`..`end_date` (`YYYY-MM-DD`; `end_date`
   * defaults to today, UTC). `report_type`: `detailed`, `summarized`, `premium_request` or
   * `ai_credit`. Resolves to the export, normally `processing`.
   *
   * `POST /enterprises/{enterprise}/settings/billing/reports`. Token: `manage_billing:enterprise`.
   * Not retried when the answer is lost (a retry could start a second export).
   *
   * @throws {RequestValidationError} for a missing or unknown `report_type` or a malformed date.
   * @throws {PermissionDeniedError}, {NotFoundError}, {AuthenticationError}, {RateLimitError}, {InternalServerError}.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage-reports#create-a-usage-report-export
   */
  async create(
    params: OperationParams<"billing/create-usage-report-export">,
    options?: RequestOptions,
  ): Promise<UsageReportExport> {
    const created = await this._runner.call("billing/create-usage-report-export", params, options);
    return this.#remember(created, params.enterprise);
  }

  /**
   * One export: `status` `processing`, `completed` (with `download_urls`) or `failed`.
   * `GET /enterprises/{enterprise}/settings/billing/reports/{report_id}`.
   *
   * @throws {NotFoundError} for an unknown `report_id`; other HTTP errors as {@link BillingExports.create}.
   */
  async get(
    params: OperationParams<"billing/get-usage-report-export">,
    options?: RequestOptions,
  ): Promise<UsageReportExport> {
    const found = await this._runner.call("billing/get-usage-report-export", params, options);
    return this.#remember(found, params.enterprise);
  }

  /**
   * The enterprise's exports: `{ usage_report_exports }`.
   * `GET /enterprises/{enterprise}/settings/billing/reports`.
   *
   * @throws as {@link BillingExports.create}.
   */
  list(
    params: OperationParams<"billing/list-usage-report-exports">,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/list-usage-report-exports">> {
    return this._runner.call("billing/list-usage-report-exports", params, options);
  }

  /**
   * Polls an export (an export object or its id) every `pollMs` until it is `completed`, and
   * resolves to it. Each poll goes through the client's retry and rate-limit policy; the
   * caller's `signal` ends the wait at once.
   *
   * @throws {CopilotError} when the export `failed`, or is still processing after `maxWaitMs`.
   * @throws {RequestAbortedError} when `signal` aborts; HTTP errors as {@link BillingExports.get}.
   */
  async waitFor(
    exportOrId: UsageReportExport | string,
    options: WaitForExportOptions,
  ): Promise<UsageReportExport> {
    const { enterprise, pollMs = 5_000, maxWaitMs = 3_600_000, ...request } = options;
    const reportId = typeof exportOrId === "string" ? exportOrId : exportOrId.id;
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const current = await this.get({ enterprise, report_id: reportId }, request);
      if (current.status === "completed") return current;
      if (current.status === "failed") {
        throw new CopilotError(`Usage report export ${reportId} failed`, {
          hint: "Create a new export (billing.exports.create); GitHub gives no reason for a failed export.",
        });
      }
      if (Date.now() + pollMs > deadline) {
        throw new CopilotError(
          `Usage report export ${reportId} is still ${String(current.status)} after ${maxWaitMs} ms`,
          { hint: "Large exports take longer: call waitFor again with a larger maxWaitMs." },
        );
      }
      await sleep(pollMs, request.signal);
    }
  }

  /**
   * Every row of every file of a completed export, one at a time, in constant memory: CSV
   * (GitHub's format) parsed as a stream into {@link ExportRecord}s, or JSON records when the
   * file is JSON; gzip is unpacked. Downloads go through the same pipeline as usage-metrics
   * report files: the token is never sent to the download host, a body cut off part-way
   * resumes (`Range`) without repeating rows, and an expired link (403) is re-read once from
   * the export. A malformed row throws in `strict` validation, else it is skipped and logged.
   *
   * @throws {CopilotError} at once when the export is not `completed` (use `waitFor` first).
   * @throws {ResponseValidationError} for a file that is not CSV or JSON, or (strict) a row whose
   *   amount is not a number; download errors ({CopilotApiError}, {ConnectionError},
   *   {TimeoutError}, {RequestAbortedError}) while iterating.
   */
  records<T = ExportRecord>(
    usageExport: UsageReportExport,
    options: RequestOptions = {},
  ): AsyncIterable<T> {
    if (usageExport.status !== "completed" || !Array.isArray(usageExport.download_urls)) {
      throw new CopilotError(
        `Usage report export ${usageExport.id} is ${String(usageExport.status)}, not completed`,
        { hint: "Wait for it with billing.exports.waitFor(export, { enterprise }) first." },
      );
    }
    const runner = this._runner;
    const enterprise = ENTERPRISE_OF.get(usageExport);
    return readExportRecords<T>(usageExport.download_urls, {
      pipeline: runner.pipeline,
      request: options,
      validation: runner.validation,
      onInvalid: (info) =>
        runner.pipeline.logger.warn(
          `copilot-admin-sdk: billing.exports.records: skipped file ${info.file} line ${info.line}: ${info.issues[0]?.message ?? "invalid"}`,
        ),
      refreshUrls:
        enterprise === undefined
          ? undefined
          : async () =>
              (await this.get({ enterprise, report_id: usageExport.id }, options)).download_urls ??
              null,
    });
  }
}

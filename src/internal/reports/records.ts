/**
 * `reports.records(report)`: every record of every file of a usage-metrics report, one at a
 * time, validated, in constant memory.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-usage-metrics
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema
 */
import { recordChecks } from "../../../generated/record-checks.js";
import {
  CopilotError,
  ResponseTooLargeError,
  ResponseValidationError,
  type ValidationIssue,
} from "../../core/errors.js";
import type { ValidationMode } from "../../core/options.js";
import { redactUrl } from "../redact.js";
import { describeIssues } from "../validation/issues.js";
import { recordSchemaNamed } from "../validation/schemas.js";
import { type DownloadContext, downloadFile, FileLinks } from "./download.js";
import { RECORD_SCHEMAS, type ReportKind } from "./kinds.js";
import { decodeUtf8, gunzipIfGzip, RecordTooLong, splitRecordTexts } from "./record-stream.js";

/** The part of a report link response this reads: `{ download_links: string[] }`. */
export interface ReportLinks {
  /** Signed URLs of the report's files, in order; a large report is split in several files. */
  download_links: string[];
}

/** A record that failed to parse or validate, as given to `onInvalid`. */
export interface InvalidRecordInfo {
  /** 0-based index of the file in `download_links`. */
  file: number;
  /** 1-based line of the file the record starts on. */
  line: number;
  issues: ValidationIssue[];
}

/** Options of {@link readReportRecords}. */
export interface ReadRecordsOptions extends DownloadContext {
  /** Report kind, selecting the record schema. Without it, records are not validated. */
  kind?: ReportKind | undefined;
  /**
   * `"strict"`: a record that is not JSON or does not match the schema throws
   * `ResponseValidationError` (file index and line in the message). `"warn"`: a record that
   * does not match is reported to `onInvalid` and yielded unchanged (nothing is dropped); text
   * that is not JSON has no record to yield, it is skipped and reported. `"off"`: records are
   * not validated; text that is not JSON is skipped and reported to `onInvalid`.
   */
  validation: ValidationMode;
  /** Called for each invalid record (`"warn"`: still yielded) and each text that is not JSON (skipped). */
  onInvalid?: ((info: InvalidRecordInfo) => void) | undefined;
  /**
   * Requests the report's links again when a download host answers 403 (links expire);
   * called at most once per read. `null`: the report is gone.
   */
  refreshLinks?: (() => Promise<ReportLinks | null>) | undefined;
}

/** The operation name used in validation errors of report files. */
export const RECORDS_OPERATION = "reports/records";

/**
 * The issues of a record, or `undefined` when it is valid: the generated predicate decides,
 * zod (loaded on the first refusal) explains.
 */
function recordIssues(kind: ReportKind, record: unknown): ValidationIssue[] | undefined {
  const name = RECORD_SCHEMAS[kind];
  if (recordChecks[name](record)) return undefined;
  const result = recordSchemaNamed(name).safeParse(record);
  return result.success ? undefined : describeIssues(result.error.issues, record);
}

/**
 * An object whose `day_totals` is an array is a 28-day wrapper (sometimes one per line, or
 * one per array element): its day totals are the records.
 */
function expand(value: unknown): unknown[] | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const days = (value as { day_totals?: unknown }).day_totals;
    if (Array.isArray(days)) return days;
  }
  return undefined;
}

/**
 * Turns a body that cannot be decoded (a corrupt gzip stream) into a `ResponseValidationError`,
 * and a record over the limit into `ResponseTooLargeError`.
 */
async function* undecodable<T>(
  file: number,
  url: string,
  options: ReadRecordsOptions,
  source: AsyncIterable<T>,
): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    if (error instanceof CopilotError) throw error;
    if (error instanceof RecordTooLong) {
      throw new ResponseTooLargeError({
        method: "GET",
        url,
        apiOrigin: options.pipeline.base.origin,
        option: "maxRecordBytes",
        limit: error.limit,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ResponseValidationError({
      operation: RECORDS_OPERATION,
      issues: [{ path: [], message, code: "invalid_body" }],
      message: `Report file ${file} cannot be decoded: ${message}`,
    });
  }
}

/**
 * The links as given, once each is known to be an absolute `https:` (or, on loopback, `http:`)
 * URL: a relative or malformed link is the report's fault and fails before anything is sent.
 *
 * @throws {ResponseValidationError} naming the bad link (its query redacted).
 */
function checkedLinks(links: unknown, options: ReadRecordsOptions): string[] {
  const fail = (index: number | undefined, message: string): never => {
    throw new ResponseValidationError({
      operation: RECORDS_OPERATION,
      issues: [
        {
          path: index === undefined ? ["download_links"] : ["download_links", index],
          message,
          code: "invalid_url",
        },
      ],
    });
  };
  if (!Array.isArray(links)) return fail(undefined, "not an array of URLs");
  return links.map((link, index) => {
    if (typeof link !== "string" || !URL.canParse(link)) {
      return fail(
        index,
        `not an absolute URL: ${JSON.stringify(redactUrl(String(link)).slice(0, 200))}`,
      );
    }
    const { protocol, hostname } = new URL(link);
    const loopback =
      hostname === "localhost" || hostname === "[::1]" || hostname.startsWith("127.");
    if (
      protocol !== "https:" &&
      !(protocol === "http:" && (loopback || options.pipeline.base.origin.startsWith("http:")))
    ) {
      return fail(index, `not an https URL: ${redactUrl(link)}`);
    }
    return link;
  });
}

/**
 * Downloads each of `report.download_links` in order and yields its records one at a time,
 * whatever the file holds: NDJSON, a JSON array, `{ "day_totals": [...] }` (or an array of
 * such), or one flat object; gzip files are gunzipped. Records are not deduplicated across
 * files (see `metrics.userDays` for that).
 *
 * @typeParam T - the record type of `options.kind` (e.g. `UserDayRecord` for `"users-1-day"`).
 * @throws ResponseValidationError (strict) for a record that is not JSON or not of the schema,
 *   with `path` inside the record and "file F line L" in the message; in every mode for a body
 *   that cannot be decoded (corrupt gzip); download errors as {@link downloadFile}.
 */
export async function* readReportRecords<T = unknown>(
  report: ReportLinks,
  options: ReadRecordsOptions,
): AsyncGenerator<T> {
  const kind = options.validation !== "off" ? options.kind : undefined;
  const { refreshLinks } = options;
  const links = new FileLinks(
    checkedLinks(report.download_links, options),
    refreshLinks &&
      (async () => {
        const fresh = await refreshLinks();
        return fresh && checkedLinks(fresh.download_links, options);
      }),
  );
  for (let file = 0; file < links.length; file++) {
    const index = file;
    const bytes = downloadFile(links.at(file), options, { refreshUrl: links.refresher(file) });
    const invalid = (line: number, issues: ValidationIssue[]): void => {
      if (options.validation === "strict") {
        const first = issues[0];
        throw new ResponseValidationError({
          operation: RECORDS_OPERATION,
          issues,
          message: `Report file ${index} line ${line}: ${first ? `${first.path.join(".") || "(record)"}: ${first.message}` : "invalid record"}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ""}`,
        });
      }
      options.onInvalid?.({ file: index, line, issues });
    };
    for await (const batch of undecodable(
      index,
      links.at(file),
      options,
      splitRecordTexts(decodeUtf8(gunzipIfGzip(bytes)), options.pipeline.maxRecordBytes),
    )) {
      for (const { text, line } of batch) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          invalid(line, [
            {
              path: [],
              message: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
              code: "invalid_json",
            },
          ]);
          continue;
        }
        const values = expand(value) ?? [value];
        for (const record of values) {
          // `warn` never drops data: an invalid record is reported, then yielded unchanged.
          const issues = kind === undefined ? undefined : recordIssues(kind, record);
          if (issues) invalid(line, issues);
          yield record as T;
        }
      }
    }
  }
}

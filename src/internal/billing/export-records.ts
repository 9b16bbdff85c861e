/**
 * `billing.exports.records(export)`: the rows of every file of a completed usage-report
 * export, one at a time, in constant memory. Each file goes through the same download
 * pipeline as the usage-metrics report files (`downloadFile`: no token to the download host,
 * `Range` resume, retries, timeouts); gzip is unpacked; CSV (GitHub's export format) is parsed
 * by `csv-parse` as a stream, a JSON or NDJSON file by the report record splitter.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage-reports
 */
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import {
  CopilotError,
  ResponseTooLargeError,
  ResponseValidationError,
  type ValidationIssue,
} from "../../core/errors.js";
import type { ValidationMode } from "../../core/options.js";
import { type DownloadContext, downloadFile, FileLinks } from "../reports/download.js";
import {
  decodeUtf8,
  gunzipIfGzip,
  RecordTooLong,
  splitRecordTexts,
} from "../reports/record-stream.js";

/** The operation name used in validation errors of export files. */
export const EXPORT_RECORDS_OPERATION = "billing.exports/records";

/**
 * Columns of GitHub's usage-report exports that hold numbers (quantities, US dollar amounts);
 * a CSV cell of one of them becomes a `number`, an empty cell `undefined`. Every other column
 * stays a string.
 */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
  "quantity",
  "gross_quantity",
  "discount_quantity",
  "net_quantity",
  "applied_cost_per_quantity",
  "price_per_unit",
  "gross_amount",
  "discount_amount",
  "net_amount",
  "total_monthly_quota",
]);

/** A row that could not be read, as given to `onInvalid`. */
export interface InvalidExportRow {
  /** 0-based index of the file in `download_urls`. */
  file: number;
  /** 1-based line of the file. */
  line: number;
  issues: ValidationIssue[];
}

/** Options of {@link readExportRecords}. */
export interface ReadExportOptions extends DownloadContext {
  /** `"strict"`: a malformed row throws `ResponseValidationError`; otherwise it is skipped and reported. */
  validation: ValidationMode;
  onInvalid?: ((info: InvalidExportRow) => void) | undefined;
  /** A fresh `download_urls` when a download host answers 403 (expired link); called at most once. */
  refreshUrls?: (() => Promise<readonly string[] | null>) | undefined;
}

/** Converts the numeric columns of a parsed CSV row in place; returns the first bad column, if any. */
export function typeRow(row: Record<string, unknown>): string | undefined {
  for (const key in row) {
    if (!NUMERIC_COLUMNS.has(key)) continue;
    const text = row[key];
    if (text === "" || text === undefined) {
      row[key] = undefined;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) return key;
    row[key] = value;
  }
  return undefined;
}

/** The first chunk and the rest of a byte stream, so its format can be sniffed. */
async function peek(
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array | undefined; all: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? undefined : first.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, all: all() };
}

/** Whether a file starts (after a BOM and blanks) with `{` or `[`: JSON rather than CSV. */
function looksLikeJson(head: Uint8Array | undefined): boolean {
  if (!head) return false;
  for (const byte of head) {
    if (byte === 0xef || byte === 0xbb || byte === 0xbf || byte <= 0x20) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

async function* csvRows(
  bytes: AsyncIterable<Uint8Array>,
  file: number,
  invalid: (line: number, issues: ValidationIssue[]) => void,
  tooLarge: () => ResponseTooLargeError,
): AsyncGenerator<Record<string, unknown>> {
  const source = Readable.from(bytes, { objectMode: false });
  const parser = parse({
    columns: true,
    bom: true,
    skip_empty_lines: true,
    info: false,
    // One row held at most `maxRecordBytes` characters: a row that never ends stops here.
    max_record_size: tooLarge().limit,
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<Record<string, unknown>>) {
      const bad = typeRow(row);
      if (bad === undefined) {
        yield row;
        continue;
      }
      const line = (parser.info?.lines as number | undefined) ?? 0;
      invalid(line, [{ path: [bad], code: "invalid_number", message: `${bad} is not a number` }]);
    }
  } catch (error) {
    if (error instanceof CsvError && error.code === "CSV_MAX_RECORD_SIZE") throw tooLarge();
    if (error instanceof CsvError) {
      throw new ResponseValidationError({
        operation: EXPORT_RECORDS_OPERATION,
        issues: [{ path: [], code: error.code, message: error.message }],
        message: `Export file ${file} is not valid CSV: ${error.message}`,
      });
    }
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

async function* jsonRows(
  bytes: AsyncIterable<Uint8Array>,
  invalid: (line: number, issues: ValidationIssue[]) => void,
  tooLarge: () => ResponseTooLargeError,
): AsyncGenerator<Record<string, unknown>> {
  const records = splitRecordTexts(decodeUtf8(bytes), tooLarge().limit);
  for await (const batch of (async function* () {
    try {
      yield* records;
    } catch (error) {
      throw error instanceof RecordTooLong ? tooLarge() : error;
    }
  })()) {
    for (const { text, line } of batch) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        invalid(line, [{ path: [], code: "invalid_json", message: String(error) }]);
        continue;
      }
      for (const row of Array.isArray(value) ? value : [value])
        yield row as Record<string, unknown>;
    }
  }
}

/**
 * Downloads each of `urls` in order and yields its rows: CSV rows keyed by the header line,
 * numeric columns ({@link NUMERIC_COLUMNS}) as numbers; JSON/NDJSON records as they are.
 *
 * @throws ResponseValidationError for a file that is not valid CSV (every mode) or, in strict
 *   mode, a row with a non-numeric amount ("file F line L" in the message); download errors as
 *   `downloadFile`.
 */
export async function* readExportRecords<T>(
  urls: readonly string[],
  options: ReadExportOptions,
): AsyncGenerator<T> {
  const links = new FileLinks(urls, options.refreshUrls);
  for (let file = 0; file < links.length; file++) {
    const index = file;
    const invalid = (line: number, issues: ValidationIssue[]): void => {
      if (options.validation === "strict") {
        throw new ResponseValidationError({
          operation: EXPORT_RECORDS_OPERATION,
          issues,
          message: `Export file ${index} line ${line}: ${issues[0]?.message ?? "invalid row"}`,
        });
      }
      options.onInvalid?.({ file: index, line, issues });
    };
    const bytes = gunzipIfGzip(
      downloadFile(links.at(file), options, { refreshUrl: links.refresher(file) }),
    );
    const { head, all } = await peek(bytes);
    try {
      const tooLarge = () =>
        new ResponseTooLargeError({
          method: "GET",
          url: links.at(index),
          apiOrigin: options.pipeline.base.origin,
          option: "maxRecordBytes",
          limit: options.pipeline.maxRecordBytes,
        });
      const rows = looksLikeJson(head)
        ? jsonRows(all, invalid, tooLarge)
        : csvRows(all, index, invalid, tooLarge);
      for await (const row of rows) yield row as T;
    } catch (error) {
      if (error instanceof CopilotError) throw error;
      throw new ResponseValidationError({
        operation: EXPORT_RECORDS_OPERATION,
        issues: [{ path: [], code: "invalid_body", message: String(error) }],
        message: `Export file ${index} cannot be decoded: ${String(error)}`,
      });
    }
  }
}

/**
 * Streaming download of one file behind a signed link (usage-metrics report `download_links`,
 * billing export `download_urls`), through the client's one pipeline (`Pipeline.open`: the
 * same fetch seam, redirects, deadline, retries, throttle and typed, redacted errors as every
 * API call). What is a download's own, on top:
 *
 * - No GitHub headers and no token: the pipeline sends `Authorization` only to the API origin,
 *   and never again once a redirect has left it.
 * - Resume: a body that breaks off is reopened and continues after the bytes already
 *   delivered, with `Range`/`If-Range` when the host allows it, else by skipping them, so no
 *   record is read twice. A `Content-Range` that does not fit is a typed error.
 * - Refresh: a 403 from the download host means the signed link expired; `refreshUrl` gets
 *   one fresh link.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-usage-metrics
 */
import {
  ConnectionError,
  PermissionDeniedError,
  ProtocolError,
  RequestAbortedError,
  TimeoutError,
} from "../../core/errors.js";
import type { RequestOptions } from "../../core/options.js";
import type { Pipeline, StreamResponse } from "../http/pipeline.js";

/** What a download needs from the client: its pipeline and the call's options. */
export interface DownloadContext {
  /** The client's pipeline. */
  pipeline: Pipeline;
  /** The call's options: `signal` aborts the download, `timeoutMs` is each attempt's deadline. */
  request?: RequestOptions | undefined;
}

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions {
  /**
   * Called when the download host answers 403 (an expired signed link): resolves to a fresh
   * link for the same file, or `null` to give up. Called at most once per file.
   */
  refreshUrl?: (() => Promise<string | null>) | undefined;
  /** How many times a body that fails part-way is reopened. Default `4`. */
  maxResumes?: number | undefined;
}

/**
 * The signed links of a read of several files (a report's `download_links`, an export's
 * `download_urls`), renewed at most once for the whole read: the links of one report or export
 * are signed together and expire together, so one renewal serves the file that met the 403 and
 * the files still to come.
 */
export class FileLinks {
  #links: readonly string[];
  #renewed = false;
  readonly #renew: (() => Promise<readonly string[] | null>) | undefined;

  /** @param renew - fetches fresh links for the same files, or `null` when they are gone. */
  constructor(
    links: readonly string[],
    renew: (() => Promise<readonly string[] | null>) | undefined,
  ) {
    this.#links = links;
    this.#renew = renew;
  }

  /** How many files there are (after a renewal, as the fresh links say). */
  get length(): number {
    return this.#links.length;
  }

  /** The current link of file `file`. */
  at(file: number): string {
    return this.#links[file] as string;
  }

  /** The `refreshUrl` of file `file` for {@link downloadFile}: renews the links once per read. */
  refresher(file: number): () => Promise<string | null> {
    return async () => {
      if (this.#renewed || !this.#renew) return null;
      this.#renewed = true;
      const fresh = await this.#renew();
      if (!fresh) return null;
      this.#links = fresh;
      return fresh[file] ?? null;
    };
  }
}

/** The `route` a download is throttled, logged and reported under. */
export const DOWNLOAD_ROUTE = "GET {download_link}";

/** The `If-Range` validator when the host serves byte ranges of the bytes we count, else `undefined`. */
function rangeValidator(headers: Headers): string | undefined {
  if (headers.get("accept-ranges")?.toLowerCase() !== "bytes") return undefined;
  // With a content-encoding, fetch hands us decoded bytes: offsets would not match the ranges.
  const encoding = headers.get("content-encoding");
  if (encoding && encoding.toLowerCase() !== "identity") return undefined;
  const etag = headers.get("etag");
  if (etag && !etag.startsWith("W/")) return etag;
  return headers.get("last-modified") ?? undefined;
}

/** Start offset of a `Content-Range: bytes START-END/TOTAL` header. */
function contentRangeStart(headers: Headers): number | undefined {
  const match = /^bytes (\d+)-/i.exec(headers.get("content-range") ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Where the resumed body starts relative to what was delivered: the bytes to skip. */
function bytesToSkip(file: StreamResponse, delivered: number, apiOrigin: string): number {
  if (delivered === 0) return 0;
  const start = file.status === 206 ? contentRangeStart(file.headers) : 0;
  if (start === undefined || start > delivered) {
    file.cancel();
    throw new ProtocolError({
      method: "GET",
      url: file.url,
      apiOrigin,
      status: file.status,
      message: `GET ${file.url} resumed with a Content-Range that does not continue the file`,
    });
  }
  return delivered - start;
}

/**
 * Downloads one file and yields its decoded bytes as they arrive (`fetch` undoes a
 * `Content-Encoding`; a gzip *file* is unpacked later, see `gunzipIfGzip`).
 *
 * @param url - a signed link.
 * @throws PermissionDeniedError (403; on a download host: the link expired and could not be
 *   refreshed), NotFoundError, RateLimitError, InternalServerError, ConnectionError,
 *   TimeoutError (headers and body not complete within the attempt's deadline, after
 *   `maxResumes` reopenings), ProtocolError, RequestAbortedError. Every URL in them is
 *   redacted: a download host's URL carries no query.
 */
export async function* downloadFile(
  url: string,
  ctx: DownloadContext,
  options: DownloadFileOptions = {},
): AsyncGenerator<Uint8Array> {
  const { pipeline } = ctx;
  const request = ctx.request ?? {};
  const apiOrigin = pipeline.base.origin;
  const maxResumes = options.maxResumes ?? 4;
  let current = url;
  let delivered = 0;
  let validator: string | undefined;
  let resumes = 0;
  let refreshed = false;
  for (;;) {
    let file: StreamResponse;
    try {
      const headers: Record<string, string> = {};
      if (delivered > 0 && validator !== undefined) {
        headers.range = `bytes=${delivered}-`;
        headers["if-range"] = validator;
      }
      file = await pipeline.open(
        { method: "GET", url: current, route: DOWNLOAD_ROUTE, headers },
        request,
      );
    } catch (error) {
      const expired =
        error instanceof PermissionDeniedError && new URL(current).origin !== apiOrigin;
      if (expired && !refreshed && options.refreshUrl) {
        refreshed = true;
        const fresh = await options.refreshUrl();
        if (fresh) {
          current = fresh;
          continue;
        }
      }
      throw error;
    }
    let skip = bytesToSkip(file, delivered, apiOrigin);
    if (delivered === 0) validator = rangeValidator(file.headers);
    try {
      for await (let chunk of file.body) {
        if (skip > 0) {
          if (chunk.length <= skip) {
            skip -= chunk.length;
            continue;
          }
          chunk = chunk.subarray(skip);
          skip = 0;
        }
        delivered += chunk.length;
        yield chunk;
      }
      return;
    } catch (error) {
      const resumable =
        (error instanceof ConnectionError && !(error instanceof RequestAbortedError)) ||
        error instanceof TimeoutError;
      if (!resumable || resumes >= maxResumes || request.signal?.aborted) throw error;
      resumes++;
    } finally {
      file.cancel();
    }
  }
}

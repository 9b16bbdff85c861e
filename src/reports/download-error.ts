/**
 * Errors of a report file download. Download hosts are not GitHub's API: their error bodies
 * are XML or text and their URLs carry signatures, so every URL is redacted against the API
 * origin (a download host's whole query is dropped).
 */
import {
  type ApiErrorInit,
  AuthenticationError,
  CopilotApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from "../core/errors.js";

const EXPIRED_HINT =
  "Report download links are signed and expire after a short time; request the report again for fresh links.";

/** Parses `retry-after` (seconds or an HTTP date) into ms. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The typed error for a non-2xx answer to a report download: 401 `AuthenticationError`,
 * 403 `PermissionDeniedError` (with a hint about expired links on a download host),
 * 404 `NotFoundError`, 429 `RateLimitError`, 5xx `InternalServerError`, else `CopilotApiError`.
 */
export function downloadError(init: {
  status: number;
  url: string;
  headers: Headers;
  body: string;
  apiOrigin: string;
}): CopilotApiError {
  const onDownloadHost = new URL(init.url).origin !== init.apiOrigin;
  const base: ApiErrorInit = {
    status: init.status,
    method: "GET",
    url: init.url,
    headers: init.headers,
    body: init.body,
    apiOrigin: init.apiOrigin,
    hint: init.status === 403 && onDownloadHost ? EXPIRED_HINT : undefined,
  };
  if (init.status === 429) {
    const wait = retryAfterMs(init.headers);
    return new RateLimitError({
      ...base,
      kind: "secondary",
      retryAfterMs: wait,
      resetAt: wait === undefined ? undefined : new Date(Date.now() + wait),
    });
  }
  if (init.status === 401) return new AuthenticationError(base);
  if (init.status === 403) return new PermissionDeniedError(base);
  if (init.status === 404) return new NotFoundError(base);
  if (init.status >= 500) return new InternalServerError(base);
  return new CopilotApiError(base);
}

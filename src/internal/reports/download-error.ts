/**
 * Errors of a report file download: the same typed errors as API calls
 * (`transport/response-error.ts`), with a hint for the download host's 403,
 * which means the signed link expired. URLs are redacted against the API
 * origin, so a download host's whole query (its signature) is dropped.
 */
import type { CopilotApiError } from "../../core/errors.js";
import { errorFromResponse } from "../http/response-error.js";

const EXPIRED_HINT =
  "Report download links are signed and expire after a short time; request the report again for fresh links.";

/** The typed error for a non-2xx answer to a report download. */
export function downloadError(init: {
  status: number;
  url: string;
  headers: Headers;
  body: string;
  apiOrigin: string;
}): CopilotApiError {
  const onDownloadHost = new URL(init.url).origin !== init.apiOrigin;
  return errorFromResponse({
    ...init,
    method: "GET",
    operation: undefined,
    hint: init.status === 403 && onDownloadHost ? EXPIRED_HINT : undefined,
  });
}

/**
 * Maps an HTTP error answer to the typed error hierarchy of `core/errors.ts`.
 * Rate limits are recognised by `resilience/rate-limit.ts`, because a 403 is a
 * rate limit or a permission error depending on its headers and message.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
import {
  type ApiErrorInit,
  AuthenticationError,
  CopilotApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../core/errors.js";
import { detectRateLimit } from "../resilience/rate-limit.js";
import { hintFor } from "./hints.js";

/** What an error answer consists of. */
export interface ErrorAnswer {
  status: number;
  method: string;
  url: string;
  headers: Headers;
  /** Parsed JSON body, or text. */
  body: unknown;
  apiOrigin: string;
  /** Exact strings to cut out of the error (the token, a signed URL's query values). */
  secrets?: readonly string[] | undefined;
  operation: string | undefined;
  /** A hint the caller knows better than {@link hintFor} (e.g. an expired download link). */
  hint?: string | undefined;
}

function messageText(body: unknown): string {
  if (typeof body === "string") return body.slice(0, 2048);
  if (body && typeof body === "object") {
    const message = (body as { message?: unknown }).message;
    const errors = (body as { errors?: unknown }).errors;
    return [
      typeof message === "string" ? message : "",
      Array.isArray(errors) ? JSON.stringify(errors) : "",
    ].join(" ");
  }
  return "";
}

const EXPIRED_LINK_HINT =
  "Download links are signed and expire after a short time; request the report or export again for fresh links.";

/** Builds the error for a non-2xx answer (of the API, or of a download host). */
export function errorFromResponse(answer: ErrorAnswer): CopilotApiError {
  const onDownloadHost = new URL(answer.url).origin !== answer.apiOrigin;
  const init: ApiErrorInit = {
    status: answer.status,
    method: answer.method,
    url: answer.url,
    headers: answer.headers,
    body: answer.body,
    apiOrigin: answer.apiOrigin,
    hint:
      answer.hint ??
      (onDownloadHost && answer.status === 403 ? EXPIRED_LINK_HINT : undefined) ??
      hintFor({
        status: answer.status,
        operation: answer.operation,
        message: messageText(answer.body),
        headers: answer.headers,
      }),
  };
  if (answer.secrets) init.secrets = answer.secrets;
  const rateLimit = detectRateLimit({
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
  });
  if (rateLimit) return new RateLimitError({ ...init, ...rateLimit });
  switch (answer.status) {
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 422:
      return new UnprocessableEntityError(init);
    default:
      return answer.status >= 500 ? new InternalServerError(init) : new CopilotApiError(init);
  }
}

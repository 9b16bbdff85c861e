/**
 * `client.usageRecords`: an enterprise's Copilot request and response records (public preview,
 * area `usage-records`), paginated by GitHub's cursor (`after` / `before` in the `Link` header,
 * as the audit log), at most 25 per page.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-usage-metrics
 */
import { RequestValidationError } from "../core/errors.js";
import type { Paginator } from "../core/paginator.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import type { ListOptions } from "../internal/operations/runner.js";
import { Resource } from "./resource.js";

/**
 * One usage record: `{ type, user_id, enterprise_id, github_request_id, endpoint, body,
 * "@timestamp" (ms since the Unix epoch), event_id, ... }`.
 */
export type UsageRecord = OperationResult<"copilot/get-usage-records">[number];

/** Largest `per_page` GitHub serves for usage records (and the default). */
export const USAGE_RECORDS_MAX_PER_PAGE = 25;

/** Copilot usage records. */
export class UsageRecords extends Resource {
  /**
   * Every record matching `phrase` (qualifiers `type`, `user_id`, `created`), in `order`
   * (`desc` unless `asc`), page by page; `after` / `before` start from a cursor. `per_page`
   * 1..25 (default 25). `GET /enterprises/{enterprise}/copilot/usage-records`.
   * Token: `read:enterprise`.
   *
   * @throws {RequestValidationError} at once for a `per_page` outside 1..25 or bad parameters;
   *   {PreviewDisabledError} when `usage-records` previews are off; HTTP errors while iterating.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-usage-metrics#get-copilot-usage-records-for-an-enterprise
   */
  list(
    params: OperationParams<"copilot/get-usage-records">,
    options?: ListOptions,
  ): Paginator<UsageRecord> {
    const perPage = params.per_page ?? USAGE_RECORDS_MAX_PER_PAGE;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > USAGE_RECORDS_MAX_PER_PAGE) {
      throw new RequestValidationError({
        operation: "copilot/get-usage-records",
        issues: [
          {
            path: ["per_page"],
            code: "too_big",
            message: `must be an integer from 1 to ${USAGE_RECORDS_MAX_PER_PAGE}, got ${String(perPage)}`,
          },
        ],
      });
    }
    return this._runner.list<UsageRecord>(
      "copilot/get-usage-records",
      { ...params, per_page: perPage },
      options,
    );
  }
}

/**
 * `client.billing`: an organization's Copilot subscription, seat breakdown and policies.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-user-management#get-copilot-seat-information-and-settings-for-an-organization
 */

import type { RequestOptions } from "../core/options.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { Resource } from "./resource.js";

/** `{ seat_breakdown, seat_management_setting, ide_chat, platform_chat, cli, public_code_suggestions, plan_type? }`. */
export type OrganizationBilling = OperationResult<"copilot/get-copilot-organization-details">;

/** Copilot billing of an organization. */
export class Billing extends Resource {
  /**
   * Seat breakdown and settings of an organization's Copilot subscription
   * (`seat_management_setting` says whether seats can be assigned through the API:
   * only when it is `"assign_selected"`). Public preview (area `user-management`).
   *
   * `GET /orgs/{org}/copilot/billing`. Token: `manage_billing:copilot` or `read:org`.
   *
   * @throws {PreviewDisabledError} when `user-management` previews are off.
   * @throws {UnprocessableEntityError} when Copilot is not set up for the organization (see `hint`).
   * @throws {NotFoundError}, {PermissionDeniedError}, {AuthenticationError}, {RateLimitError}, {InternalServerError}.
   */
  get(
    params: OperationParams<"copilot/get-copilot-organization-details">,
    options?: RequestOptions,
  ): Promise<OrganizationBilling> {
    return this._runner.call("copilot/get-copilot-organization-details", params, options);
  }
}

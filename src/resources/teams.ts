/**
 * `client.teams`: Copilot seats assigned through organization teams and enterprise teams.
 * Mutations accept any number of names; more than 100 are sent in batches of 100
 * (see `core/bulk.ts`). All are public previews (area `user-management`).
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-user-management
 */
import { runBulk } from "../core/bulk.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import type { RequestOptions } from "../options.js";
import { Resource } from "./resource.js";

/** Seat assignment through teams. */
export class Teams extends Resource {
  /**
   * Gives every member of the named org teams a Copilot seat.
   * `POST /orgs/{org}/copilot/billing/selected_teams` → `{ seats_created }` (summed over batches).
   * Needs `seat_management_setting: "assign_selected"`. Token: `manage_billing:copilot` or `admin:org`.
   *
   * @throws {RequestValidationError} for an empty or malformed `selected_teams`, before anything is sent.
   * @throws {UnprocessableEntityError} under the "all members" policy (see `hint`).
   * @throws {BulkOperationError} when one of several batches fails.
   */
  add(
    params: OperationParams<"copilot/add-copilot-seats-for-teams">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/add-copilot-seats-for-teams">> {
    return runBulk(
      this._runner,
      {
        operation: "copilot/add-copilot-seats-for-teams",
        namesKey: "selected_teams",
        countKey: "seats_created",
      },
      params,
      options,
    ) as never;
  }

  /**
   * Cancels the seats of every member of the named org teams at the end of the billing cycle
   * (`pending_cancellation_date`); members who also hold a seat otherwise keep it.
   * `DELETE /orgs/{org}/copilot/billing/selected_teams` → `{ seats_cancelled }`.
   *
   * @throws as {@link Teams.add}.
   */
  remove(
    params: OperationParams<"copilot/cancel-copilot-seat-assignment-for-teams">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/cancel-copilot-seat-assignment-for-teams">> {
    return runBulk(
      this._runner,
      {
        operation: "copilot/cancel-copilot-seat-assignment-for-teams",
        namesKey: "selected_teams",
        countKey: "seats_cancelled",
      },
      params,
      options,
    ) as never;
  }

  /**
   * Gives every member of the named enterprise teams a seat.
   * `POST /enterprises/{enterprise}/copilot/billing/selected_enterprise_teams` → `{ seats_created }`.
   * Token: `manage_billing:copilot` (enterprise owner or billing manager).
   *
   * @throws as {@link Teams.add}.
   */
  addForEnterprise(
    params: OperationParams<"copilot/add-copilot-seats-for-enterprise-teams">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/add-copilot-seats-for-enterprise-teams">> {
    return runBulk(
      this._runner,
      {
        operation: "copilot/add-copilot-seats-for-enterprise-teams",
        namesKey: "selected_enterprise_teams",
        countKey: "seats_created",
      },
      params,
      options,
    ) as never;
  }

  /**
   * Cancels the seats held through the named enterprise teams.
   * `DELETE /enterprises/{enterprise}/copilot/billing/selected_enterprise_teams` → `{ seats_cancelled }`,
   * or GitHub's 202 `{ message }` when it processes the removal asynchronously (single batch).
   *
   * @throws as {@link Teams.add}.
   */
  removeForEnterprise(
    params: OperationParams<"copilot/cancel-copilot-seats-for-enterprise-teams">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/cancel-copilot-seats-for-enterprise-teams">> {
    return runBulk(
      this._runner,
      {
        operation: "copilot/cancel-copilot-seats-for-enterprise-teams",
        namesKey: "selected_enterprise_teams",
        countKey: "seats_cancelled",
      },
      params,
      options,
    ) as never;
  }
}

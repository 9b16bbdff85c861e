/**
 * `client.teams`: Copilot seats assigned through organization teams and enterprise teams.
 * Mutations accept any number of names; more than 100 are sent in batches of 100
 * (see `internal/operations/bulk.ts`), and `dryRun: true` returns the batches without sending.
 * A team mutation that may have applied (5xx, timeout, reset) is never resent and is reported
 * `uncertain`: its effect on seats cannot be read back per name (`retry.writes: "verify"`
 * applies to user seat mutations only).
 * All are public previews (area `user-management`).
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-user-management
 */
import { bulkMutation } from "../internal/operations/bulk.js";
import { Resource } from "./resource.js";

/** Seat assignment through teams. */
export class Teams extends Resource {
  /**
   * Gives every member of the named org teams a Copilot seat.
   * `POST /orgs/{org}/copilot/billing/selected_teams` → `{ seats_created }` (summed over batches).
   * Needs `seat_management_setting: "assign_selected"`. Token: `manage_billing:copilot` or `admin:org`.
   *
   * @throws {RequestValidationError} for an empty or malformed `selected_teams` (not strings,
   *   surrounding whitespace) or `org`, before anything is sent; slugs are de-duplicated
   *   case-insensitively.
   * @throws {UnprocessableEntityError} under the "all members" policy (see `hint`).
   * @throws {BulkOperationError} when one of several batches fails.
   */
  readonly add = bulkMutation(this._runner, {
    operation: "copilot/add-copilot-seats-for-teams",
    namesKey: "selected_teams",
    countKey: "seats_created",
  });

  /**
   * Cancels the seats of every member of the named org teams at the end of the billing cycle
   * (`pending_cancellation_date`); members who also hold a seat otherwise keep it.
   * `DELETE /orgs/{org}/copilot/billing/selected_teams` → `{ seats_cancelled }`.
   *
   * @throws as {@link Teams.add}.
   */
  readonly remove = bulkMutation(this._runner, {
    operation: "copilot/cancel-copilot-seat-assignment-for-teams",
    namesKey: "selected_teams",
    countKey: "seats_cancelled",
  });

  /**
   * Gives every member of the named enterprise teams a seat.
   * `POST /enterprises/{enterprise}/copilot/billing/selected_enterprise_teams` → `{ seats_created }`.
   * Token: `manage_billing:copilot` (enterprise owner or billing manager).
   *
   * @throws as {@link Teams.add}.
   */
  readonly addForEnterprise = bulkMutation(this._runner, {
    operation: "copilot/add-copilot-seats-for-enterprise-teams",
    namesKey: "selected_enterprise_teams",
    countKey: "seats_created",
  });

  /**
   * Cancels the seats held through the named enterprise teams.
   * `DELETE /enterprises/{enterprise}/copilot/billing/selected_enterprise_teams` → `{ seats_cancelled }`,
   * or GitHub's 202 `{ message }` when it processes the removal asynchronously (single batch).
   *
   * @throws as {@link Teams.add}.
   */
  readonly removeForEnterprise = bulkMutation(this._runner, {
    operation: "copilot/cancel-copilot-seats-for-enterprise-teams",
    namesKey: "selected_enterprise_teams",
    countKey: "seats_cancelled",
  });
}

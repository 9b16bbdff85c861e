/**
 * `client.seats`: Copilot seat listing, lookup and assignment for organizations and
 * enterprises, plus the idle-seat workflow helpers. Every operation here is a
 * public preview of GitHub's (area `user-management`). Mutations take any number of
 * names (batches of 100); `dryRun: true` returns the batches without sending.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-user-management
 */
import type { components } from "../../generated/openapi.js";
import type { RequestOptions } from "../core/options.js";
import type { Paginator } from "../core/paginator.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { type ReclaimResult, reclaimSeats } from "../helpers/reclaim.js";
import { findInactive, type InactiveReport, type InactivityOptions } from "../helpers/seats.js";
import { bulkMutation } from "../internal/operations/bulk.js";
import type { ListOptions } from "../internal/operations/runner.js";
import { Resource } from "./resource.js";
import { type OrgOrEnterprise, scopeOf } from "./scope.js";

/**
 * One Copilot seat: `{ assignee, organization?, assigning_team?, pending_cancellation_date,
 * last_activity_at, last_activity_editor, last_authenticated_at?, created_at, updated_at?, plan_type? }`.
 * Dates are ISO 8601 strings; `assignee` may be null.
 */
export type Seat = components["schemas"]["copilot-seat-details"];

/** Copilot seats. */
export class Seats extends Resource {
  /**
   * Every seat of an organization (assigned directly or through a team), page by page.
   * `GET /orgs/{org}/copilot/billing/seats`, `per_page` 100 unless set (max 100).
   * Token: `manage_billing:copilot` or `read:org`.
   *
   * Returns a {@link Paginator} synchronously; nothing is sent until it is iterated.
   *
   * @throws {RequestValidationError} / {PreviewDisabledError} at once for bad parameters or previews off;
   *   HTTP errors while iterating.
   */
  list(
    params: OperationParams<"copilot/list-copilot-seats">,
    options?: ListOptions,
  ): Paginator<Seat> {
    return this._runner.list<Seat>("copilot/list-copilot-seats", params, options);
  }

  /**
   * Every seat of an enterprise. A user with seats in several organizations appears once per
   * organization (see `dedupeSeats`). `GET /enterprises/{enterprise}/copilot/billing/seats`.
   * Token: `manage_billing:copilot` or `read:enterprise`.
   *
   * @throws as {@link Seats.list}.
   */
  listForEnterprise(
    params: OperationParams<"copilot/list-copilot-seats-for-enterprise">,
    options?: ListOptions,
  ): Paginator<Seat> {
    // "Users with access through multiple organizations or enterprise teams will only be counted
    // toward total_seats once" (GitHub's docs): rows can outnumber total_seats, so it cannot cap pages.
    return this._runner.list<Seat>("copilot/list-copilot-seats-for-enterprise", params, options, {
      totalCountsItems: false,
    });
  }

  /**
   * A member's seat in an organization. `GET /orgs/{org}/members/{username}/copilot`.
   *
   * @throws {NotFoundError} when the user has no seat (or is not a member).
   * @throws {UnprocessableEntityError} when Copilot is not enabled or the invitation is pending.
   */
  get(
    params: OperationParams<"copilot/get-copilot-seat-details-for-user">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/get-copilot-seat-details-for-user">> {
    return this._runner.call("copilot/get-copilot-seat-details-for-user", params, options);
  }

  /**
   * A user's seats in an enterprise, one per organization that assigns one:
   * `{ total_seats, seats }`. `GET /enterprises/{enterprise}/members/{username}/copilot`.
   *
   * @throws as {@link Seats.get}.
   */
  getForEnterprise(
    params: OperationParams<"copilot/get-copilot-seat-details-for-enterprise-user">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/get-copilot-seat-details-for-enterprise-user">> {
    return this._runner.call(
      "copilot/get-copilot-seat-details-for-enterprise-user",
      params,
      options,
    );
  }

  /**
   * Assigns seats to users: `{ seats_created }` (summed over batches of 100). Adding a user whose
   * seat is pending cancellation revokes the cancellation (GitHub's documented behaviour), so this is
   * never retried once the request may have reached GitHub more than twice (see RetryOptions).
   * `POST /orgs/{org}/copilot/billing/selected_users`. Token: `manage_billing:copilot` or `admin:org`.
   *
   * @throws {RequestValidationError} for an empty or malformed `selected_usernames`, before anything is sent.
   * @throws {UnprocessableEntityError} under the "all members" policy (see `hint`).
   * @throws {BulkOperationError} when one of several batches fails (`completed`, `failed`, `remaining`).
   */
  readonly add = bulkMutation(this._runner, {
    operation: "copilot/add-copilot-seats-for-users",
    namesKey: "selected_usernames",
    countKey: "seats_created",
  });

  /**
   * Cancels users' seats at the end of the billing cycle: the seats stay listed with a
   * `pending_cancellation_date` until then. `{ seats_cancelled }`.
   * `DELETE /orgs/{org}/copilot/billing/selected_users`.
   *
   * @throws as {@link Seats.add}; a seat held through a team gives a 422 whose `hint` says so.
   */
  readonly remove = bulkMutation(this._runner, {
    operation: "copilot/cancel-copilot-seat-assignment-for-users",
    namesKey: "selected_usernames",
    countKey: "seats_cancelled",
  });

  /**
   * Assigns enterprise seats to users. `POST /enterprises/{enterprise}/copilot/billing/selected_users`.
   *
   * @throws as {@link Seats.add}.
   */
  readonly addForEnterprise = bulkMutation(this._runner, {
    operation: "copilot/add-copilot-seats-for-enterprise-users",
    namesKey: "selected_usernames",
    countKey: "seats_created",
  });

  /**
   * Cancels enterprise seats of users. `DELETE /enterprises/{enterprise}/copilot/billing/selected_users`.
   *
   * @throws as {@link Seats.add}.
   */
  readonly removeForEnterprise = bulkMutation(this._runner, {
    operation: "copilot/cancel-copilot-seats-for-enterprise-users",
    namesKey: "selected_usernames",
    countKey: "seats_cancelled",
  });

  /**
   * Buckets every seat of an organization or enterprise by last activity, as of `now`
   * (default: the current time): `active` (last activity at most `days` days before `now`),
   * `inactive` (more than `days` days ago, or never used and created more than `days` days ago)
   * and `grace` (never used, created within `days`) partition the seats; `neverUsed`,
   * `pendingCancellation`, `teamAssigned` and `noAssignee` are overlapping views. `days` defaults
   * to 30. An enterprise listing has one row per organization for multi-org users (see `dedupeSeats`).
   * Lists seats with `seats.list` / `seats.listForEnterprise`.
   *
   * @throws {RequestValidationError} at once for a bad scope, `days` or `now`; the list's HTTP errors.
   */
  async findInactive(
    params: OrgOrEnterprise & InactivityOptions,
    options?: ListOptions,
  ): Promise<InactiveReport<Seat>> {
    const scope = scopeOf(params, "seats.findInactive");
    const seats =
      scope.kind === "organization"
        ? await this.list({ org: scope.org }, options).toArray()
        : await this.listForEnterprise({ enterprise: scope.enterprise }, options).toArray();
    return findInactive(seats, { days: params.days, now: params.now });
  }

  /**
   * Cancels the seats of directly assigned users inactive for more than `days` days (default 30),
   * in batches of at most 100 — a dry run unless `dryRun: false`. Reads `billing.get` first and
   * refuses, sending no mutation, unless `seat_management_setting` is `"assign_selected"`. Seats held
   * through a team, already pending cancellation, or without a user assignee are listed in
   * `skipped` and never touched. Returns `{ dryRun, batches, skipped, results? }` (`results`: per
   * batch `names`, `status`, `seats_cancelled`, only when not a dry run).
   *
   * @throws {CopilotError} with a `hint` when the policy is not `assign_selected`.
   * @throws {BulkOperationError} when a batch fails (`completed`, `failed`, `remaining`).
   * @throws {RequestValidationError} for bad parameters; HTTP errors of the reads.
   */
  reclaim(
    params: { org: string; days?: number; now?: Date; dryRun?: boolean },
    options?: RequestOptions,
  ): Promise<ReclaimResult<Seat>> {
    const { org } = params;
    return reclaimSeats<Seat>(
      {
        getBilling: () =>
          this._runner.call("copilot/get-copilot-organization-details", { org }, options),
        listSeats: () => this.list({ org }, options),
        removeSeats: (selected_usernames) => this.remove({ org, selected_usernames }, options),
      },
      { days: params.days, now: params.now, dryRun: params.dryRun },
    );
  }
}

/**
 * `client.seats`: Copilot seat listing, lookup and assignment for organizations and
 * enterprises, plus the idle-seat workflow helpers. Every operation here is a
 * public preview of GitHub's (area `user-management`). Mutations take any number of
 * names (batches of 100); `dryRun: true` returns the batches without sending.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-user-management
 */
import type { components } from "../../generated/openapi.js";
import { RequestValidationError } from "../core/errors.js";
import type { RequestOptions } from "../core/options.js";
import type { Paginator } from "../core/paginator.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import type { SeatTarget, SeatWriter } from "../helpers/changes.js";
import {
  type ApplyResult,
  applySeatPlan,
  type DesiredSeats,
  planSeats,
  type SeatPlan,
} from "../helpers/plan.js";
import { type ReclaimExclude, type ReclaimResult, reclaimSeats } from "../helpers/reclaim.js";
import {
  dedupeSeats,
  findInactive,
  type InactiveReport,
  type InactivityOptions,
} from "../helpers/seats.js";
import { bulkMutation } from "../internal/operations/bulk.js";
import { checkOrg } from "../internal/operations/logins.js";
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
   * Assigns seats to users: `{ seats_created, unchanged }` (summed over batches of 100;
   * `unchanged`: users who already held a seat). Adding a user whose seat is pending
   * cancellation revokes the cancellation (GitHub's documented behaviour), so a request that may
   * have reached GitHub is never resent blindly: see `retry.writes`. A 2xx whose body cannot be
   * read counts as applied: its names are in `countUnknown`.
   * `POST /orgs/{org}/copilot/billing/selected_users`. Token: `manage_billing:copilot` or `admin:org`.
   *
   * @throws {RequestValidationError} before anything is sent, for an empty list or a login GitHub
   *   could not have issued (outside `[A-Za-z0-9-]` but an EMU `_shortcode` suffix, over 39
   *   characters, a leading hyphen, surrounding whitespace), or a malformed `org`.
   * @throws {UnprocessableEntityError} under the "all members" policy (see `hint`).
   * @throws {BulkOperationError} when one of several batches fails or the run is interrupted
   *   (`completed`, `failed`, `remaining`); a single batch throws its own error (`isUncertain`).
   */
  readonly add = bulkMutation(this._runner, {
    operation: "copilot/add-copilot-seats-for-users",
    namesKey: "selected_usernames",
    countKey: "seats_created",
    readBack: { scope: "org", change: "add" },
  });

  /**
   * Cancels users' seats at the end of the billing cycle: the seats stay listed with a
   * `pending_cancellation_date` until then. `{ seats_cancelled, unchanged }`.
   * `DELETE /orgs/{org}/copilot/billing/selected_users`.
   *
   * `unchanged` > 0 means GitHub cancelled fewer seats than logins sent: those users hold no
   * seat this organization grants directly (no seat at all, a seat from another organization or
   * the enterprise), or theirs is already pending cancellation. An offboarding script should
   * treat it as "not done here": look the users up (`seats.get`, `seats.getForEnterprise`).
   *
   * @throws as {@link Seats.add}; a seat held through a team gives a 422 whose `hint` says so.
   */
  readonly remove = bulkMutation(this._runner, {
    operation: "copilot/cancel-copilot-seat-assignment-for-users",
    namesKey: "selected_usernames",
    countKey: "seats_cancelled",
    readBack: { scope: "org", change: "remove" },
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
    readBack: { scope: "enterprise", change: "add" },
  });

  /**
   * Cancels the seats the enterprise grants users itself (rows with `organization: null`);
   * seats granted by an organization are cancelled with that organization's {@link Seats.remove}.
   * `DELETE /enterprises/{enterprise}/copilot/billing/selected_users` → `{ seats_cancelled, unchanged }`
   * (`unchanged`: as for {@link Seats.remove}).
   *
   * @throws as {@link Seats.add}.
   */
  readonly removeForEnterprise = bulkMutation(this._runner, {
    operation: "copilot/cancel-copilot-seats-for-enterprise-users",
    namesKey: "selected_usernames",
    countKey: "seats_cancelled",
    readBack: { scope: "enterprise", change: "remove" },
  });

  /**
   * Buckets every seat of an organization or enterprise by last activity, as of `now`
   * (default: the current time): `active` (last activity at most `days` days before `now`),
   * `inactive` (more than `days` days ago, or never used and created more than `days` days ago)
   * and `grace` (never used, created within `days`) partition the seats; `neverUsed`,
   * `pendingCancellation`, `teamAssigned` and `noAssignee` are overlapping views. `days` defaults
   * to 30. With `enterprise`, a user holding seats in several organizations counts once (the
   * enterprise bills per user): the buckets hold that user's most recently active seat
   * (`dedupeSeats`). `staleActivity` warns when the newest `last_activity_at` of all seats is
   * more than 3 days old. Lists seats with `seats.list` / `seats.listForEnterprise`.
   *
   * @throws {RequestValidationError} at once for a bad scope, `days` or `now`; the list's HTTP errors.
   */
  async findInactive(
    params: OrgOrEnterprise & InactivityOptions,
    options?: ListOptions,
  ): Promise<InactiveReport<Seat>> {
    const seats = await this.#listScope(params, "seats.findInactive", options);
    return findInactive("enterprise" in seats ? dedupeSeats(seats.rows) : seats.rows, {
      days: params.days,
      now: params.now,
    });
  }

  /**
   * Cancels the seats of users inactive for more than `days` days (default 30), in batches of at
   * most 100, each sent to the call that owns the seat: an organization-granted seat to that
   * organization's {@link Seats.remove}, an enterprise-granted one (`organization: null`) to
   * {@link Seats.removeForEnterprise}. With `enterprise`, inactivity is per user (their most
   * recent activity on any seat), and every seat an idle user holds directly is cancelled.
   * A dry run unless `dryRun: false`. `exclude`: logins (case-insensitive) or a predicate on the
   * seat, never reclaimed (an allowlist). Reads `billing.get` for every organization involved
   * first and refuses, sending nothing, unless each is `assign_selected`. Team-held seats (team
   * named), seats pending cancellation, seats without a user assignee and excluded seats are
   * listed in `skipped` and never touched. Returns `{ dryRun, asOf, days, batches: [{ target,
   * selected_usernames }], skipped, staleActivity, results? }` (`results` per batch: `target`,
   * `names`, `status`, `count`, only when not a dry run). Check `staleActivity` first.
   *
   * @throws {CopilotError} with a `hint` when a policy is not `assign_selected`.
   * @throws {BulkOperationError} when a batch fails or the run is interrupted (each batch with its `target`).
   * @throws {RequestValidationError} for bad parameters; HTTP errors of the reads.
   */
  async reclaim(
    params: OrgOrEnterprise & {
      days?: number;
      now?: Date;
      dryRun?: boolean;
      exclude?: ReclaimExclude<Seat>;
    },
    options?: RequestOptions,
  ): Promise<ReclaimResult<Seat>> {
    const scope = scopeOf(params, "seats.reclaim");
    const owner: SeatTarget =
      scope.kind === "organization"
        ? { org: checkOrg("seats.reclaim", scope.org) }
        : { enterprise: scope.enterprise };
    return reclaimSeats<Seat>(
      {
        getBilling: (org) =>
          this._runner.call("copilot/get-copilot-organization-details", { org }, options),
        listSeats: () =>
          "org" in owner
            ? this.list({ org: owner.org }, options)
            : this.listForEnterprise({ enterprise: owner.enterprise }, options),
        writer: this.#writer(options),
      },
      {
        owner,
        days: params.days,
        now: params.now,
        dryRun: checkDryRun("seats.reclaim", params.dryRun, true),
        exclude: params.exclude,
      },
    );
  }

  /**
   * Plans a desired-state seat sync for an organization (sends no change): `desired` is a list
   * of logins, or `{ team_slug }` for the users the listing shows holding a seat through that
   * team. Returns `{ org, add, remove, unchanged, skipped, batches }`: `add` desired users
   * without a seat, `remove` directly assigned seats of users not desired, `skipped` team-held
   * seats of users not desired (team named) and seats pending cancellation, with reasons.
   *
   * @throws {RequestValidationError} for a bad `org` or login; HTTP errors of the listing.
   */
  async plan(
    params: { org: string; desired: DesiredSeats },
    options?: ListOptions,
  ): Promise<SeatPlan> {
    const org = checkOrg("seats.plan", params.org);
    return planSeats(org, params.desired, await this.list({ org }, options).toArray());
  }

  /**
   * Sends a plan from {@link Seats.plan}: reads the seat policy first (nothing is sent unless
   * `assign_selected`), then the `add` and `remove` batches in order. A dry run (`dryRun: true`)
   * returns the plan and sends nothing. Returns `{ dryRun, plan, results? }`, `results` per
   * batch as {@link Seats.reclaim}.
   *
   * @throws {CopilotError} with a `hint` for the policy; {@link BulkOperationError} as a bulk change.
   */
  apply(plan: SeatPlan, options: RequestOptions & { dryRun?: boolean } = {}): Promise<ApplyResult> {
    const { dryRun, ...request } = options;
    return applySeatPlan(plan, checkDryRun("seats.apply", dryRun, false), {
      getBilling: (org) =>
        this._runner.call("copilot/get-copilot-organization-details", { org }, request),
      writer: this.#writer(request),
    });
  }

  #writer(options: RequestOptions | undefined): SeatWriter {
    return {
      add: (target, selected_usernames) =>
        "org" in target
          ? this.add({ org: target.org, selected_usernames }, options)
          : this.addForEnterprise({ enterprise: target.enterprise, selected_usernames }, options),
      remove: (target, selected_usernames) =>
        "org" in target
          ? this.remove({ org: target.org, selected_usernames }, options)
          : this.removeForEnterprise(
              { enterprise: target.enterprise, selected_usernames },
              options,
            ),
    };
  }

  async #listScope(
    params: { org?: unknown; enterprise?: unknown },
    operation: string,
    options: ListOptions | undefined,
  ): Promise<{ rows: Seat[] } | { rows: Seat[]; enterprise: string }> {
    const scope = scopeOf(params, operation);
    if (scope.kind === "organization") {
      const org = checkOrg(operation, scope.org);
      return { rows: await this.list({ org }, options).toArray() };
    }
    const rows = await this.listForEnterprise({ enterprise: scope.enterprise }, options).toArray();
    return { rows, enterprise: scope.enterprise };
  }
}

/** `dryRun` as given (any boolean), else the default. @throws {RequestValidationError} for a non-boolean. */
function checkDryRun(operation: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  throw new RequestValidationError({
    operation,
    issues: [{ path: ["dryRun"], code: "invalid_type", message: "expected a boolean" }],
  });
}

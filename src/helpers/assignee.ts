/**
 * Narrowing `seat.assignee`: GitHub types it as a user, a team or an organization (or null),
 * so `seat.assignee?.login` does not compile under `--strict` (a team has no `login`). These
 * two functions are the narrowing every consumer of a seat needs.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management
 */
import type { SeatAssignee, SimpleUser } from "../core/types.js";

/**
 * Whether a seat's assignee is a user (GitHub's `simple-user`): it has a string `login` and a
 * string `type` (`"User"`, `"Bot"`...). A team has no `login`; an organization has no `type`.
 *
 * @example
 * if (isUserAssignee(seat.assignee)) console.log(seat.assignee.login);
 */
export function isUserAssignee(assignee: SeatAssignee | undefined): assignee is SimpleUser {
  if (assignee === null || typeof assignee !== "object") return false;
  const { login, type } = assignee as { login?: unknown; type?: unknown };
  return typeof login === "string" && typeof type === "string";
}

/**
 * The login of a user-held seat: `assignee.login` when the assignee is a user, `null` for a
 * seat held by a team or an organization, or without an assignee.
 *
 * @example
 * for await (const seat of client.seats.list({ org })) console.log(seatLogin(seat) ?? "(not a user)");
 */
export function seatLogin(seat: { readonly assignee?: SeatAssignee | undefined }): string | null {
  return isUserAssignee(seat.assignee) ? seat.assignee.login : null;
}

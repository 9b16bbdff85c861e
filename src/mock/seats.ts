/**
 * Seat state transitions, mirroring GitHub's documented behaviour
 * (https://docs.github.com/en/rest/copilot/copilot-user-management):
 * - adding a user creates a seat with `created_at` = now, or revokes a pending
 *   cancellation (both count in `seats_created`);
 * - removing sets `pending_cancellation_date` to the first day of the next
 *   billing cycle; the seat stays listed until that day;
 * - a seat held through a team cannot be cancelled user by user (422).
 */
import { firstDayOfNextMonth, isoDay, isoTimestamp, startOfMonth } from "./dates.js";
import type { MockEnterprise, MockOrg, MockSeat, MockState, SeatGrant } from "./types.js";

/** Seats whose cancellation date has come are dropped, as GitHub drops them at the cycle end. */
const lastPurge = new WeakMap<MockSeat[], string>();

/**
 * Removes seats whose `pending_cancellation_date` is today or earlier. Runs at
 * most once per (list, day, state version), so listing stays O(page).
 */
export function purgeExpired(state: MockState, seats: MockSeat[], now: Date): void {
  const today = isoDay(now);
  const key = `${today}#${state.version}`;
  if (lastPurge.get(seats) === key) return;
  let write = 0;
  for (let read = 0; read < seats.length; read++) {
    const seat = seats[read] as MockSeat;
    if (seat.pendingCancellationDate !== null && seat.pendingCancellationDate <= today) continue;
    seats[write++] = seat;
  }
  seats.length = write;
  lastPurge.set(seats, key);
}

function newSeat(
  userId: number,
  grant: SeatGrant,
  planType: MockSeat["planType"],
  now: Date,
): MockSeat {
  const at = isoTimestamp(now);
  const seat: MockSeat = {
    userId,
    grant,
    createdAt: at,
    updatedAt: at,
    pendingCancellationDate: null,
    lastActivityAt: null,
    lastActivityEditor: null,
    lastAuthenticatedAt: null,
  };
  if (planType) seat.planType = planType;
  return seat;
}

function indexByUser(seats: MockSeat[]): Map<number, MockSeat> {
  const index = new Map<number, MockSeat>();
  for (const seat of seats) if (seat.userId !== null) index.set(seat.userId, seat);
  return index;
}

/** Grants seats (or revokes pending cancellations); returns `seats_created`. */
export function grantSeats(
  seats: MockSeat[],
  userIds: Iterable<number>,
  grant: SeatGrant,
  planType: MockSeat["planType"],
  now: Date,
): number {
  const index = indexByUser(seats);
  let created = 0;
  for (const userId of userIds) {
    const seat = index.get(userId);
    if (!seat) {
      const added = newSeat(userId, grant, planType, now);
      seats.push(added);
      index.set(userId, added);
      created++;
    } else if (seat.pendingCancellationDate !== null) {
      seat.pendingCancellationDate = null;
      seat.updatedAt = isoTimestamp(now);
      created++;
    }
  }
  return created;
}

/** Seats among `userIds` held through a team; a per-user cancellation of these is refused. */
export function teamHeld(seats: MockSeat[], userIds: Iterable<number>): MockSeat[] {
  const wanted = new Set(userIds);
  return seats.filter(
    (seat) => seat.userId !== null && wanted.has(seat.userId) && seat.grant.kind !== "direct",
  );
}

/** Schedules cancellation of the matching active seats; returns `seats_cancelled`. */
export function cancelSeats(
  seats: MockSeat[],
  matches: (seat: MockSeat) => boolean,
  now: Date,
): number {
  const date = firstDayOfNextMonth(now);
  let cancelled = 0;
  for (const seat of seats) {
    if (seat.pendingCancellationDate !== null || !matches(seat)) continue;
    seat.pendingCancellationDate = date;
    seat.updatedAt = isoTimestamp(now);
    cancelled++;
  }
  return cancelled;
}

/** Cancels seats of the given users (direct grants only: check `teamHeld` first). */
export function cancelUsers(seats: MockSeat[], userIds: Iterable<number>, now: Date): number {
  const wanted = new Set(userIds);
  return cancelSeats(seats, (seat) => seat.userId !== null && wanted.has(seat.userId), now);
}

/** Cancels every seat granted through the named teams (org or enterprise teams). */
export function cancelTeams(seats: MockSeat[], slugs: Set<string>, now: Date): number {
  return cancelSeats(
    seats,
    (seat) => seat.grant.kind !== "direct" && slugs.has(seat.grant.slug),
    now,
  );
}

/**
 * `seat_breakdown` of GET /orgs/{org}/copilot/billing, computed from the seats:
 * the billing cycle is the current calendar month (UTC).
 */
export function seatBreakdown(org: MockOrg, now: Date): Record<string, number> {
  const cycleStart = startOfMonth(now).toISOString();
  let added = 0;
  let pending = 0;
  let active = 0;
  for (const seat of org.seats) {
    if (seat.createdAt >= cycleStart) added++;
    if (seat.pendingCancellationDate !== null) pending++;
    if (seat.lastActivityAt !== null && seat.lastActivityAt >= cycleStart) active++;
  }
  return {
    total: org.seats.length,
    added_this_cycle: added,
    pending_invitation: org.pendingInvitations,
    pending_cancellation: pending,
    active_this_cycle: active,
    inactive_this_cycle: org.seats.length - active,
  };
}

/** The lists an enterprise listing concatenates: each organization's rows, then the enterprise's own. */
export function enterpriseSeatLists(
  state: MockState,
): Array<{ org: MockOrg | null; seats: MockSeat[] }> {
  const lists: Array<{ org: MockOrg | null; seats: MockSeat[] }> = [];
  for (const org of state.orgs.values()) lists.push({ org, seats: org.seats });
  lists.push({ org: null, seats: state.enterprise.seats });
  return lists;
}

/** Rows `[start, end)` of the enterprise listing, walking list lengths so the cost is O(page). */
export function sliceEnterpriseSeats(
  state: MockState,
  start: number,
  end: number,
): Array<{ org: MockOrg | null; seat: MockSeat }> {
  const rows: Array<{ org: MockOrg | null; seat: MockSeat }> = [];
  let offset = 0;
  for (const list of enterpriseSeatLists(state)) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, list.seats.length);
    for (let i = from; i < to; i++) rows.push({ org: list.org, seat: list.seats[i] as MockSeat });
    offset += list.seats.length;
    if (offset >= end) break;
  }
  return rows;
}

/** Row count of the enterprise listing (one row per organization a user holds a seat in). */
export function enterpriseRowCount(state: MockState): number {
  let count = 0;
  for (const list of enterpriseSeatLists(state)) count += list.seats.length;
  return count;
}

const distinctCache = new WeakMap<MockEnterprise, { key: string; count: number }>();

/**
 * `total_seats` of the enterprise listing: GitHub counts a user once even when
 * several organizations or enterprise teams grant them a seat. Cached per state version.
 */
export function enterpriseDistinctSeats(state: MockState, now: Date): number {
  const key = `${state.version}#${isoDay(now)}#${enterpriseRowCount(state)}`;
  const cached = distinctCache.get(state.enterprise);
  if (cached?.key === key) return cached.count;
  const users = new Set<number>();
  let anonymous = 0;
  for (const list of enterpriseSeatLists(state)) {
    for (const seat of list.seats) {
      if (seat.userId === null) anonymous++;
      else users.add(seat.userId);
    }
  }
  const count = users.size + anonymous;
  distinctCache.set(state.enterprise, { key, count });
  return count;
}

/**
 * Billed usage of the mock enterprise, derived (never stored) from the seats and the same
 * per-user activity the usage-metrics reports are built from: a seat line per seated user
 * and month (an enterprise is billed once per user), and AI credits per user, model and
 * active day, with each user's monthly included credits as the discount. The prices below
 * are the mock's stand-ins for GitHub's; the SDK itself reads prices only from these answers.
 */
import { isActive, type ScopeUser, scopeUsers } from "../activity.js";
import { addDays, isoDay } from "../dates.js";
import { unitHash } from "../random.js";
import type { MockSeat, MockState } from "../types.js";
import { billingOf, type MockCostCenter } from "./state.js";

/** Product name of every Copilot line. */
export const PRODUCT = "Copilot";
/** SKUs and unit prices (US dollars) of the mock's Copilot lines. */
export const SKUS = {
  business: { sku: "Copilot Business", unitType: "user-months", price: 19 },
  enterprise: { sku: "Copilot Enterprise", unitType: "user-months", price: 39 },
  aiCredits: { sku: "Copilot AI Credits", unitType: "credits", price: 0.01 },
  premiumRequests: { sku: "Copilot Premium Request", unitType: "requests", price: 0.04 },
} as const;
/** Models with the most credits one user spends on them in a day. */
export const MODELS: readonly { name: string; max: number }[] = [
  { name: "Claude Sonnet 4.5", max: 160 },
  { name: "GPT-5", max: 110 },
  { name: "Gemini 2.5 Pro", max: 60 },
  { name: "Claude Opus 4.5", max: 420 },
];
/** AI credits included per user and month (billed as discount). */
export const INCLUDED_CREDITS = 300;

/** A seated user with the organization of the seat that bills them (`null`: an enterprise seat). */
export interface Holder extends ScopeUser {
  org: string | null;
  plan: "business" | "enterprise";
}

/** One user's AI credits on one model and day. */
export interface CreditRow {
  day: string;
  login: string;
  org: string | null;
  costCenter: MockCostCenter | undefined;
  model: string;
  credits: number;
  /** Credits covered by the monthly allowance. */
  discountCredits: number;
}

/** Seated users once each (the same dedupe as the usage-metrics reports), with their billing org. */
export function holders(state: MockState): Holder[] {
  const orgOf = new Map<MockSeat, { login: string; plan: "business" | "enterprise" }>();
  for (const org of state.orgs.values()) {
    for (const seat of org.seats) orgOf.set(seat, { login: org.login, plan: org.planType });
  }
  return scopeUsers(state, { kind: "enterprise" }).map((user) => {
    const org = orgOf.get(user.seat);
    return { ...user, org: org?.login ?? null, plan: org?.plan ?? "enterprise" };
  });
}

/** Finds the active cost center holding a user (directly, or through their organization). */
export type CostCenterLookup = (login: string, org: string | null) => MockCostCenter | undefined;

/** A {@link CostCenterLookup} over the cost centers as they are now (indexed once). */
export function costCenterLookup(state: MockState): CostCenterLookup {
  const byUser = new Map<string, MockCostCenter>();
  const byOrg = new Map<string, MockCostCenter>();
  for (const center of billingOf(state).costCenters.values()) {
    if (center.state !== "active") continue;
    for (const r of center.resources) {
      const map = r.type === "User" ? byUser : r.type === "Org" ? byOrg : undefined;
      if (map && !map.has(r.name.toLowerCase())) map.set(r.name.toLowerCase(), center);
    }
  }
  return (login, org) =>
    byUser.get(login.toLowerCase()) ?? (org === null ? undefined : byOrg.get(org.toLowerCase()));
}

/** `YYYY-MM-DD` of the first and last day of a month. */
export function monthRange(year: number, month: number): { first: string; last: string } {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const last = isoDay(new Date(Date.UTC(year, month, 0)));
  return { first, last };
}

/** Credits of every holder, model and active day between `from` and `to` (inclusive, before today). */
export function creditRows(state: MockState, from: string, to: string, now: Date): CreditRow[] {
  const yesterday = addDays(isoDay(now), -1);
  const end = to < yesterday ? to : yesterday;
  const rows: CreditRow[] = [];
  if (from > end) return rows;
  const costCenterOf = costCenterLookup(state);
  for (const holder of holders(state)) {
    const costCenter = costCenterOf(holder.login, holder.org);
    // The allowance runs from the first of each month, so start there even for a later `from`.
    let day = `${from.slice(0, 7)}-01`;
    let month = "";
    let allowance = 0;
    for (; day <= end; day = addDays(day, 1)) {
      if (day.slice(0, 7) !== month) {
        month = day.slice(0, 7);
        allowance = INCLUDED_CREDITS;
      }
      if (!isActive(state.randomSeed, holder, day)) continue;
      for (const model of MODELS) {
        const draw = unitHash(`${state.randomSeed}|credits|${holder.userId}|${day}|${model.name}`);
        if (draw < 0.35) continue;
        const credits = Math.floor(((draw - 0.35) / 0.65) * model.max);
        if (credits === 0) continue;
        const discountCredits = Math.min(credits, allowance);
        allowance -= discountCredits;
        if (day < from) continue;
        rows.push({
          day,
          login: holder.login,
          org: holder.org,
          costCenter,
          model: model.name,
          credits,
          discountCredits,
        });
      }
    }
  }
  return rows;
}

/** One seat charge: a seated user in a month. */
export interface SeatRow {
  month: string;
  login: string;
  org: string | null;
  costCenter: MockCostCenter | undefined;
  plan: "business" | "enterprise";
}

/** A seat charge for every holder whose seat ran during the month (no proration). */
export function seatRows(state: MockState, year: number, month: number, now: Date): SeatRow[] {
  const { first, last } = monthRange(year, month);
  if (first > isoDay(now)) return [];
  const costCenterOf = costCenterLookup(state);
  return holders(state)
    .filter(
      (h) =>
        h.createdDay <= last &&
        !(h.seat.pendingCancellationDate !== null && h.seat.pendingCancellationDate <= first),
    )
    .map((h) => ({
      month: first,
      login: h.login,
      org: h.org,
      costCenter: costCenterOf(h.login, h.org),
      plan: h.plan,
    }));
}

/** Rounds US dollars to cents. */
export const cents = (value: number): number => Math.round(value * 100) / 100;

/** What a budget has consumed this month (US dollars net), from the derived usage. */
import { isoDay } from "../dates.js";
import type { MockState } from "../types.js";
import type { MockBudget } from "./state.js";
import { cents, creditRows, monthRange, SKUS, seatRows } from "./usage.js";

interface Owned {
  login: string;
  org: string | null;
  costCenter: { name: string } | undefined;
}

/** Net US dollars of this month's Copilot usage rows that pass `owns` (seats unless `creditsOnly`). */
function netThisMonth(
  state: MockState,
  now: Date,
  owns: (row: Owned) => boolean,
  creditsOnly: boolean,
): number {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const { first } = monthRange(year, month);
  let net = 0;
  if (!creditsOnly) {
    for (const seat of seatRows(state, year, month, now)) {
      if (owns(seat)) net += seat.plan === "business" ? SKUS.business.price : SKUS.enterprise.price;
    }
  }
  for (const row of creditRows(state, first, isoDay(now), now)) {
    if (owns(row)) net += (row.credits - row.discountCredits) * SKUS.aiCredits.price;
  }
  return cents(net);
}

/** The budget's consumption this month; `user` narrows a multi-user budget to one user. */
export function consumedAmount(
  state: MockState,
  budget: MockBudget,
  now: Date,
  user?: string,
): number {
  const creditsOnly = /credit/i.test(budget.budget_product_sku);
  const lower = (text: string | null | undefined) => (text ?? "").toLowerCase();
  const who = lower(user ?? budget.user);
  switch (budget.budget_scope) {
    case "user":
    case "multi_user_customer":
    case "multi_user_cost_center":
      return netThisMonth(state, now, (row) => who === "" || lower(row.login) === who, creditsOnly);
    case "cost_center":
      return netThisMonth(
        state,
        now,
        (row) => row.costCenter?.name === budget.budget_entity_name,
        creditsOnly,
      );
    case "organization":
      return netThisMonth(
        state,
        now,
        (row) => lower(row.org) === lower(budget.budget_entity_name),
        creditsOnly,
      );
    case "enterprise":
      return netThisMonth(state, now, () => true, creditsOnly);
    default:
      return 0;
  }
}

/** Net US dollars of this month's AI credits per user login (lower case), in one pass. */
export function creditsByUser(state: MockState, now: Date): Map<string, number> {
  const { first } = monthRange(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const byUser = new Map<string, number>();
  for (const row of creditRows(state, first, isoDay(now), now)) {
    const key = row.login.toLowerCase();
    byUser.set(
      key,
      (byUser.get(key) ?? 0) + (row.credits - row.discountCredits) * SKUS.aiCredits.price,
    );
  }
  return byUser;
}

/**
 * AI-credit watch: the users who have spent more than a share of their AI-credit budget
 * this month, from GitHub's budgets (a user's own budget, else the per-user budget of a
 * multi-user budget) and their consumption as GitHub reports it.
 *
 *   npx tsx examples/ai-credit-watch.ts                         # embedded mock, users over 80 %
 *   GITHUB_TOKEN=… npx tsx examples/ai-credit-watch.ts --enterprise octo-enterprise --share 0.8
 *
 * Prints one line per user over the share (`login  consumed of budget  percent  budget kind`),
 * heaviest first, then how many budgets were checked (`--share`, default 0.8); exits 2 when someone is over, so a
 * scheduled job can alert on it. Token: `manage_billing:enterprise`.
 */
import { parseArgs } from "node:util";
import type { CopilotClient } from "../src/index.js";
import { connect, run } from "./shared/client.js";

/** A user over the share of their budget. */
export interface OverBudget {
  user: string;
  consumed: number;
  budget: number;
  kind: "user budget" | "per-user share of a multi-user budget";
}

/**
 * Users whose AI-credit consumption this month is at least `share` of their budget: every
 * user-scoped budget (with GitHub's `consumed_amount`), and every user state of the
 * enterprise's multi-user budgets (filtered by GitHub with `threshold_lower_bound`).
 */
export async function usersOverShare(
  client: CopilotClient,
  enterprise: string,
  share: number,
): Promise<{ over: OverBudget[]; checked: number }> {
  const over: OverBudget[] = [];
  let checked = 0;
  const own = new Set<string>();
  for await (const budget of client.budgets.list({ enterprise })) {
    if (budget.budget_scope === "user") {
      const user = budget.user ?? budget.budget_entity_name ?? "?";
      own.add(user.toLowerCase());
      const consumed = budget.consumed_amount ?? 0;
      if (consumed >= share * budget.budget_amount)
        over.push({ user, consumed, budget: budget.budget_amount, kind: "user budget" });
    }
    if (budget.budget_scope === "user" || budget.budget_scope.startsWith("multi_user")) checked++;
    if (
      budget.budget_scope === "multi_user_customer" ||
      budget.budget_scope === "multi_user_cost_center"
    ) {
      const states = client.budgets.userStates({
        enterprise,
        budget_id: budget.id,
        threshold_lower_bound: Math.floor(share * 100),
      });
      for await (const state of states) {
        const user = state.user ?? "?";
        // A user's own budget overrides the multi-user one: reported above.
        if (state.override_budget_id !== undefined || own.has(user.toLowerCase())) continue;
        if (state.consumed_amount >= share * state.target_amount) {
          over.push({
            user,
            consumed: state.consumed_amount,
            budget: state.target_amount,
            kind: "per-user share of a multi-user budget",
          });
        }
      }
    }
  }
  over.sort(
    (a, b) => b.consumed / b.budget - a.consumed / a.budget || a.user.localeCompare(b.user),
  );
  return { over, checked };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { enterprise: { type: "string" }, share: { type: "string" } },
  });
  const share = Number(values.share ?? "0.8");
  if (!(share > 0 && share <= 10)) throw new Error("--share must be a number above 0, e.g. 0.8");
  const ctx = await connect({ scope: "enterprise", enterprise: values.enterprise });
  try {
    const { over, checked } = await usersOverShare(ctx.client, ctx.enterprise as string, share);
    for (const o of over) {
      const percent = Math.round((100 * o.consumed) / o.budget);
      console.log(
        `${o.user.padEnd(28)} $${o.consumed.toFixed(2).padStart(8)} of $${o.budget.toFixed(2).padStart(8)}  ${String(percent).padStart(4)}%  ${o.kind}`,
      );
    }
    console.log(
      `${over.length} users at ${Math.round(share * 100)}% or more of their AI-credit budget this month (${checked} budgets checked).`,
    );
    if (over.length > 0) process.exitCode = 2;
  } finally {
    await ctx.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) run(main);

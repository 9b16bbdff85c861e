/**
 * Monthly chargeback: what each cost center's Copilot use cost in a month, as CSV, from
 * GitHub's own billing figures (`metrics.spend`: the usage report per cost center).
 *
 *   npx tsx examples/monthly-chargeback.ts                                  # embedded mock, this month
 *   GITHUB_TOKEN=… npx tsx examples/monthly-chargeback.ts --enterprise octo-enterprise --year 2026 --month 11 > chargeback.csv
 *
 * Columns: cost_center_id, cost_center, gross_usd, discount_usd, net_usd, budget_usd,
 * budget_consumed_usd. A last row `(no cost center)` holds the usage assigned to
 * none, so the rows add up to the enterprise's Copilot total. Amounts are US dollars.
 * Token: an enterprise owner or billing manager (`manage_billing:enterprise`).
 */
import { parseArgs } from "node:util";
import type { Spend } from "../src/index.js";
import { connect, run } from "./shared/client.js";
import { csvLine } from "./shared/csv.js";

/** Header of the chargeback CSV. */
export const COLUMNS = [
  "cost_center_id",
  "cost_center",
  "gross_usd",
  "discount_usd",
  "net_usd",
  "budget_usd",
  "budget_consumed_usd",
] as const;

const cents = (usd: number) => (Math.round(usd * 100) / 100).toFixed(2);

/** The chargeback CSV of a month's spend: one row per cost center, then the unassigned rest. */
export function chargebackCsv(spend: Spend): string {
  let text = csvLine(COLUMNS);
  const rest = { ...spend.total };
  for (const cc of spend.byCostCenter) {
    text += csvLine([
      cc.id,
      cc.name,
      cents(cc.grossAmount),
      cents(cc.discountAmount),
      cents(cc.netAmount),
      cc.budget ? cents(cc.budget.budget_amount) : "",
      cc.budget ? cents(cc.budget.consumed_amount) : "",
    ]);
    rest.grossAmount -= cc.grossAmount;
    rest.discountAmount -= cc.discountAmount;
    rest.netAmount -= cc.netAmount;
  }
  text += csvLine([
    "",
    "(no cost center)",
    cents(rest.grossAmount),
    cents(rest.discountAmount),
    cents(rest.netAmount),
    "",
    "",
  ]);
  return text;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      enterprise: { type: "string" },
      year: { type: "string" },
      month: { type: "string" },
    },
  });
  const now = new Date();
  const year = Number(values.year ?? now.getUTCFullYear());
  const month = Number(values.month ?? now.getUTCMonth() + 1);
  const ctx = await connect({ scope: "enterprise", enterprise: values.enterprise });
  try {
    const spend = await ctx.client.metrics.spend({
      enterprise: ctx.enterprise as string,
      year,
      month,
    });
    process.stdout.write(chargebackCsv(spend));
  } finally {
    await ctx.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) run(main);

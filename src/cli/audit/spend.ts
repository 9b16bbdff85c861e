/**
 * The "Spend" section of the seat audit: this month's AI credits by model and by cost
 * center, the top users by AI credits, budgets near their limit, and the seat price GitHub's
 * usage report bills (used for the idle-seat estimate). Everything comes from GitHub's
 * billing API through the SDK: amounts are GitHub's own, no price list here.
 */
import { type CopilotClient, CopilotError, type Spend } from "../../index.js";

/** Budgets at or above this share of their amount are "near their limit". */
export const NEAR_LIMIT = 0.75;

/** Everything the Spend section prints. */
export interface SpendSection {
  timePeriod: { year: number; month: number };
  total?: Spend["total"];
  byModel: { model: string; credits: number; netAmount: number }[];
  byCostCenter: { name: string; credits: number; netAmount: number }[];
  topUsers: { user: string; credits: number; netAmount: number }[];
  budgetsNearLimit: { scope: string; name: string; amount: number; consumed: number }[];
  /** Monthly seat price per plan from the usage report's Copilot seat lines (`pricePerUnit`), when it has any. */
  seatPrices: { business?: number; enterprise?: number };
  /** Why parts could not be read (missing billing access, enterprise-only data). */
  notes: string[];
}

const message = (error: unknown) => (error instanceof CopilotError ? error.message : String(error));

/**
 * Reads the Spend section for this month (UTC) of an organization or enterprise. Parts that
 * fail (a token without billing access) are left empty with a note, never thrown.
 */
export async function readSpend(
  client: CopilotClient,
  scope: { org: string } | { enterprise: string },
  now: Date,
  progress?: (message: string) => void,
  /** Wait between polls of the usage-report export, in ms. */
  pollMs = 2_000,
  /**
   * Whether to list the top users, which needs an `ai_credit` usage-report export: a POST that
   * creates a report on GitHub. Default `true`; `copilot-admin audit` asks for it with `--top-users`.
   */
  withTopUsers = true,
): Promise<SpendSection> {
  const timePeriod = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
  const section: SpendSection = {
    timePeriod,
    byModel: [],
    byCostCenter: [],
    topUsers: [],
    budgetsNearLimit: [],
    seatPrices: {},
    notes: [],
  };
  progress?.("reading this month's spend");
  try {
    const spend = await client.metrics.spend({ ...scope, ...timePeriod });
    section.total = spend.total;
    for (const sku of spend.bySku) {
      if (sku.unitType !== "user-months") continue;
      if (/enterprise/i.test(sku.sku)) section.seatPrices.enterprise = sku.pricePerUnit;
      else if (/business/i.test(sku.sku)) section.seatPrices.business = sku.pricePerUnit;
    }
    section.byModel = spend.byModel.map((m) => ({
      model: m.model,
      credits: m.quantity,
      netAmount: m.netAmount,
    }));
    for (const center of spend.byCostCenter) {
      const budget = center.budget;
      if (budget && budget.consumed_amount >= NEAR_LIMIT * budget.budget_amount) {
        section.budgetsNearLimit.push({
          scope: "cost center",
          name: center.name,
          amount: budget.budget_amount,
          consumed: budget.consumed_amount,
        });
      }
    }
    if ("enterprise" in scope) {
      for (const center of spend.byCostCenter) {
        const report = await client.billing.aiCreditUsage({
          ...scope,
          ...timePeriod,
          cost_center_id: center.id,
        });
        section.byCostCenter.push({
          name: center.name,
          credits: report.usageItems.reduce((n, item) => n + item.grossQuantity, 0),
          netAmount: round(report.usageItems.reduce((n, item) => n + item.netAmount, 0)),
        });
      }
      const none = await client.billing.aiCreditUsage({
        ...scope,
        ...timePeriod,
        cost_center_id: "none",
      });
      section.byCostCenter.push({
        name: "(no cost center)",
        credits: none.usageItems.reduce((n, item) => n + item.grossQuantity, 0),
        netAmount: round(none.usageItems.reduce((n, item) => n + item.netAmount, 0)),
      });
    } else
      section.notes.push("cost centers are enterprise-level: run with --enterprise to see them");
  } catch (error) {
    section.notes.push(`spend unavailable: ${message(error)}`);
  }
  try {
    for await (const budget of client.budgets.list({ ...scope, scope: "user" as const })) {
      const consumed = budget.consumed_amount;
      if (consumed !== undefined && consumed >= NEAR_LIMIT * budget.budget_amount) {
        section.budgetsNearLimit.push({
          scope: "user",
          name: budget.user ?? budget.budget_entity_name ?? "?",
          amount: budget.budget_amount,
          consumed,
        });
      }
    }
    section.budgetsNearLimit.sort((a, b) => b.consumed / b.amount - a.consumed / a.amount);
  } catch (error) {
    section.notes.push(`budgets unavailable: ${message(error)}`);
  }
  if (!withTopUsers) {
    section.notes.push(
      "top users by AI credits need a usage-report export: pass --top-users (creates an export on GitHub)",
    );
  } else if ("enterprise" in scope) {
    try {
      section.topUsers = await topUsers(
        client,
        scope.enterprise,
        timePeriod,
        now,
        pollMs,
        progress,
      );
    } catch (error) {
      section.notes.push(`top users unavailable: ${message(error)}`);
    }
  } else
    section.notes.push("per-user AI credits come from an enterprise export: run with --enterprise");
  return section;
}

const round = (usd: number) => Math.round(usd * 100) / 100;

/** The ten heaviest AI-credit users of the month, from an `ai_credit` usage-report export. */
async function topUsers(
  client: CopilotClient,
  enterprise: string,
  { year, month }: { year: number; month: number },
  now: Date,
  pollMs: number,
  progress?: (message: string) => void,
): Promise<SpendSection["topUsers"]> {
  progress?.("exporting this month's AI-credit usage");
  const start = `${year}-${String(month).padStart(2, "0")}-01`;
  const created = await client.billing.exports.create({
    enterprise,
    report_type: "ai_credit",
    start_date: start,
    end_date: now.toISOString().slice(0, 10),
  });
  const done = await client.billing.exports.waitFor(created, { enterprise, pollMs });
  progress?.("reading the export");
  const byUser = new Map<string, { credits: number; netAmount: number }>();
  for await (const row of client.billing.exports.records(done)) {
    const user = row.username ?? "(unknown)";
    const entry = byUser.get(user) ?? { credits: 0, netAmount: 0 };
    entry.credits += row.quantity ?? 0;
    entry.netAmount += row.net_amount ?? 0;
    byUser.set(user, entry);
  }
  return [...byUser]
    .map(([user, v]) => ({ user, credits: v.credits, netAmount: round(v.netAmount) }))
    .sort((a, b) => b.credits - a.credits || a.user.localeCompare(b.user))
    .slice(0, 10);
}

/**
 * The seat prices of the idle-seat estimate: the usage report's, else the given list prices,
 * labelled as such.
 */
export function idleSeatPrices(
  section: SpendSection,
  listPrices: { business: number; enterprise: number },
): { prices: { business: number; enterprise: number }; source: string } {
  const { business, enterprise } = section.seatPrices;
  if (business === undefined && enterprise === undefined)
    return { prices: listPrices, source: "list price (the usage report has no Copilot seat line)" };
  return {
    prices: {
      business: business ?? listPrices.business,
      enterprise: enterprise ?? listPrices.enterprise,
    },
    source:
      business !== undefined && enterprise !== undefined
        ? "seat price billed in GitHub's usage report"
        : `seat price billed in GitHub's usage report (${business === undefined ? "Business" : "Enterprise"}: list price)`,
  };
}

const usd = (n: number) =>
  `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const num = (n: number) => Math.round(n).toLocaleString("en-US");

/** The Spend section as text. */
export function renderSpend(section: SpendSection): string {
  const out: string[] = [];
  const { year, month } = section.timePeriod;
  out.push(
    "",
    `Spend, ${year}-${String(month).padStart(2, "0")} (GitHub's billing usage, US dollars)`,
  );
  if (section.total)
    out.push(
      `  Copilot total: gross ${usd(section.total.grossAmount)}, discount ${usd(section.total.discountAmount)}, net ${usd(section.total.netAmount)}`,
    );
  out.push("", "  AI credits by model");
  for (const m of section.byModel)
    out.push(
      `    ${m.model.padEnd(22)} ${num(m.credits).padStart(12)} credits  ${usd(m.netAmount).padStart(12)} net`,
    );
  if (section.byCostCenter.length > 0) {
    out.push("", "  AI credits by cost center");
    for (const c of section.byCostCenter)
      out.push(
        `    ${c.name.padEnd(22)} ${num(c.credits).padStart(12)} credits  ${usd(c.netAmount).padStart(12)} net`,
      );
  }
  if (section.topUsers.length > 0) {
    out.push("", "  Top users by AI credits");
    for (const u of section.topUsers)
      out.push(
        `    ${u.user.padEnd(22)} ${num(u.credits).padStart(12)} credits  ${usd(u.netAmount).padStart(12)} net`,
      );
  }
  out.push("", `  Budgets at ${Math.round(NEAR_LIMIT * 100)}% or more of their limit`);
  if (section.budgetsNearLimit.length === 0) out.push("    none");
  for (const b of section.budgetsNearLimit)
    out.push(
      `    ${`${b.scope} ${b.name}`.padEnd(34)} ${usd(b.consumed).padStart(10)} of ${usd(b.amount).padStart(10)}  ${Math.round((100 * b.consumed) / b.amount)}%`,
    );
  for (const note of section.notes) out.push(`  note: ${note}`);
  return out.join("\n");
}

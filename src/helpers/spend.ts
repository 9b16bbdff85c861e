/**
 * `metrics.spend`: what Copilot cost in one month, and where, from GitHub's own billing
 * figures (the `/usage` report's unit prices and amounts, the AI-credit report per model):
 * no price list anywhere. GitHub's `/usage` report leaves out usage assigned to a cost center
 * unless asked per `cost_center_id`, so an enterprise's total is the unassigned usage plus
 * each cost center's, and each cost center is queried once.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/cost-centers
 */

import type { OperationResult } from "../core/types.js";

/** Gross, discount and net US dollar amounts and the quantity of a group of usage lines. */
export interface SpendAmounts {
  grossAmount: number;
  discountAmount: number;
  netAmount: number;
  quantity: number;
}

/** A cost center's budget for the month: GitHub's amount and what was consumed of it. */
export interface CostCenterBudget {
  /** Whole US dollars. */
  budget_amount: number;
  /**
   * US dollars consumed: GitHub's `consumed_amount` when the budget carries one, else the cost
   * center's net Copilot amount of the month.
   */
  consumed_amount: number;
}

/** The answer of `metrics.spend`. */
export interface Spend {
  timePeriod: { year: number; month: number };
  total: SpendAmounts;
  byProduct: (SpendAmounts & { product: string })[];
  /** Per SKU; `pricePerUnit` is GitHub's unit price of the SKU in the month (the seat price for a seat SKU). */
  bySku: (SpendAmounts & { sku: string; pricePerUnit: number; unitType: string })[];
  /** AI-credit charges per model (from the AI-credit usage report). */
  byModel: (SpendAmounts & { model: string })[];
  byOrganization: (SpendAmounts & { organization: string })[];
  /** Enterprise only (empty for an organization): each active cost center, with its budget or `null`. */
  byCostCenter: (SpendAmounts & { id: string; name: string; budget: CostCenterBudget | null })[];
}

/** A line of GitHub's `/usage` report. */
export type UsageLine = NonNullable<
  OperationResult<"billing/get-github-billing-usage-report-ghe">["usageItems"]
>[number];

/** A line of the AI-credit report (one per product, SKU and model). */
export type ModelLine =
  OperationResult<"billing/get-github-billing-ai-credit-usage-report-ghe">["usageItems"][number];

/** A budget. */
export type SpendBudget = OperationResult<"billing/get-all-budgets">["budgets"][number];

/** What spend needs from the client, for one account and month. */
export interface SpendSource {
  /** Usage lines of the month; with `costCenterId`, those of that cost center only. */
  usage(costCenterId?: string): Promise<UsageLine[]>;
  /** AI-credit lines of the month, per model. */
  aiCredits(): Promise<ModelLine[]>;
  /** Active cost centers (empty for an organization). */
  costCenters(): Promise<{ id: string; name: string }[]>;
  /** Every budget of the account. */
  budgets(): Promise<SpendBudget[]>;
}

const cents = (value: number) => Math.round(value * 100) / 100;
const units = (value: number) => Math.round(value * 1e6) / 1e6;

function zero(): SpendAmounts {
  return { grossAmount: 0, discountAmount: 0, netAmount: 0, quantity: 0 };
}

function add(
  into: SpendAmounts,
  line: { grossAmount: number; discountAmount: number; netAmount: number },
  quantity: number,
): void {
  into.grossAmount += line.grossAmount;
  into.discountAmount += line.discountAmount;
  into.netAmount += line.netAmount;
  into.quantity += quantity;
}

function rounded<T extends SpendAmounts>(entry: T): T {
  return {
    ...entry,
    grossAmount: cents(entry.grossAmount),
    discountAmount: cents(entry.discountAmount),
    netAmount: cents(entry.netAmount),
    quantity: units(entry.quantity),
  };
}

/** Groups by `key`, sums, rounds, and sorts by net amount (largest first). */
function group<K extends string, L>(
  lines: readonly L[],
  keyName: K,
  keyOf: (line: L) => string,
  amounts: (line: L) => {
    grossAmount: number;
    discountAmount: number;
    netAmount: number;
    quantity: number;
  },
  extra: (line: L) => Record<string, unknown> = () => ({}),
): (SpendAmounts & Record<K, string>)[] {
  const groups = new Map<string, SpendAmounts & Record<string, unknown>>();
  for (const line of lines) {
    const key = keyOf(line);
    let entry = groups.get(key);
    if (!entry) {
      entry = { [keyName]: key, ...zero() } as SpendAmounts & Record<string, unknown>;
      groups.set(key, entry);
    }
    const a = amounts(line);
    add(entry, a, a.quantity);
    Object.assign(entry, extra(line));
  }
  return [...groups.values()]
    .map((entry) => rounded(entry) as SpendAmounts & Record<K, string>)
    .sort(
      (x, y) => y.netAmount - x.netAmount || String(x[keyName]).localeCompare(String(y[keyName])),
    );
}

/** Whether a usage line is Copilot's (product `copilot`, any case, or a `copilot` SKU). */
export function isCopilotLine(line: { product: string; sku: string }): boolean {
  return /copilot/i.test(line.product) || /copilot/i.test(line.sku);
}

/**
 * The month's Copilot spend of one account.
 *
 * @throws whatever the source's requests throw (HTTP errors of the billing endpoints).
 */
export async function computeSpend(
  source: SpendSource,
  timePeriod: { year: number; month: number },
): Promise<Spend> {
  const [unassigned, models, centers, budgets] = await Promise.all([
    source.usage(),
    source.aiCredits(),
    source.costCenters(),
    source.budgets(),
  ]);
  const perCenter: { id: string; name: string; lines: UsageLine[] }[] = [];
  for (const center of centers) {
    perCenter.push({ ...center, lines: (await source.usage(center.id)).filter(isCopilotLine) });
  }
  const lines = [...unassigned.filter(isCopilotLine), ...perCenter.flatMap((c) => c.lines)];
  const usageAmounts = (line: UsageLine) => ({ ...line, quantity: line.quantity });
  const total = zero();
  for (const line of lines) add(total, line, line.quantity);
  return {
    timePeriod,
    total: rounded(total),
    byProduct: group(lines, "product", (l) => l.product, usageAmounts),
    bySku: group(
      lines,
      "sku",
      (l) => l.sku,
      usageAmounts,
      (l) => ({
        pricePerUnit: l.pricePerUnit,
        unitType: l.unitType,
      }),
    ) as Spend["bySku"],
    byModel: group(
      models,
      "model",
      (l) => l.model,
      (l) => ({ ...l, quantity: l.grossQuantity }),
    ),
    byOrganization: group(lines, "organization", (l) => l.organizationName ?? "", usageAmounts),
    byCostCenter: perCenter.map(({ id, name, lines: own }) => {
      const sums = zero();
      for (const line of own) add(sums, line, line.quantity);
      const budget = budgets.find(
        (b) =>
          b.budget_scope === "cost_center" &&
          (b.budget_entity_name === id || b.budget_entity_name === name),
      );
      return {
        id,
        name,
        ...rounded(sums),
        budget: budget
          ? {
              budget_amount: budget.budget_amount,
              consumed_amount: cents(budget.consumed_amount ?? sums.netAmount),
            }
          : null,
      };
    }),
  };
}

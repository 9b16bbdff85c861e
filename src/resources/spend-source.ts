/**
 * The billing requests behind `metrics.spend`, for one organization or enterprise and month:
 * the {@link SpendSource} that `helpers/spend.ts` computes from.
 */
import type { ModelLine, SpendBudget, SpendSource, UsageLine } from "../helpers/spend.js";
import type { OperationRunner } from "../internal/operations/runner.js";
import type { Scope } from "./scope.js";

/** The spend source of `scope` for `year`/`month`, sending through `runner`. */
export function spendSource(
  runner: OperationRunner,
  scope: Scope,
  period: { year: number; month: number },
  signal: AbortSignal | undefined,
): SpendSource {
  const options = signal ? { signal } : {};
  const enterprise = scope.kind === "enterprise";
  const account = enterprise ? { enterprise: scope.enterprise } : { org: scope.org };
  const call = (id: string, params: Record<string, unknown>) =>
    runner.call(id as never, { ...account, ...period, ...params } as never, options) as Promise<{
      usageItems?: unknown[];
    }>;
  return {
    async usage(costCenterId) {
      const report = await call(
        enterprise
          ? "billing/get-github-billing-usage-report-ghe"
          : "billing/get-github-billing-usage-report-org",
        costCenterId === undefined ? {} : { cost_center_id: costCenterId },
      );
      return (report.usageItems ?? []) as UsageLine[];
    },
    async aiCredits() {
      const report = await call(
        enterprise
          ? "billing/get-github-billing-ai-credit-usage-report-ghe"
          : "billing/get-github-billing-ai-credit-usage-report-org",
        {},
      );
      return (report.usageItems ?? []) as ModelLine[];
    },
    async costCenters() {
      if (!enterprise) return [];
      const answer = (await runner.call(
        "billing/get-all-cost-centers",
        { enterprise: scope.enterprise, state: "active" },
        options,
      )) as { costCenters?: { id: string; name: string; state?: string }[] };
      return (answer.costCenters ?? [])
        .filter((center) => center.state !== "deleted")
        .map(({ id, name }) => ({ id, name }));
    },
    budgets() {
      return runner
        .list<SpendBudget>(
          enterprise ? "billing/get-all-budgets" : "billing/get-all-budgets-org",
          account,
          options,
        )
        .toArray();
    },
  };
}

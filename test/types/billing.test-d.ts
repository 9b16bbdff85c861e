/** Compile-time checks of the billing parameters: exactly one account key, filters by wire name. */
import { expectTypeOf, test } from "vitest";
import type { CopilotClient } from "../../src/index.js";

declare const client: CopilotClient;

test("billing usage methods take exactly one of enterprise, org, username", () => {
  client.billing.aiCreditUsage({ enterprise: "e", model: "GPT-5", cost_center_id: "none" });
  client.billing.aiCreditUsage({ org: "o", year: 2026, month: 11 });
  client.billing.usage({ username: "mona" });
  // @ts-expect-error two account keys
  client.billing.usage({ enterprise: "e", org: "o" });
  // @ts-expect-error no account key
  client.billing.usageSummary({ year: 2026 });
  expectTypeOf(client.billing.aiCreditUsage({ enterprise: "e" })).resolves.toHaveProperty(
    "usageItems",
  );
});

test("budgets take enterprise or org, never username", () => {
  client.budgets.list({ enterprise: "e", scope: "cost_center" });
  client.budgets.list({ org: "o" });
  // @ts-expect-error budgets have no user form
  client.budgets.list({ username: "mona" });
  // @ts-expect-error no account key
  client.budgets.get({ budget_id: "b" });
});

test("a dry run of a cost-center change resolves to its batches", () => {
  expectTypeOf(
    client.costCenters.addResources({
      enterprise: "e",
      cost_center_id: "c",
      users: ["a"],
      dryRun: true,
    }),
  ).resolves.toHaveProperty("batches");
});

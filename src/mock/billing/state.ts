/**
 * The mock's billing model: cost centers, budgets and usage-report exports of the seeded
 * enterprise. Kept beside `MockState` (one per state object, built on first use from the
 * seats), so `mock.reset()` starts it afresh. Usage itself is not stored: `usage.ts` derives
 * it from the seats and the same per-user activity the usage-metrics reports use.
 */
import type { operations } from "../../../generated/openapi.js";
import { scopeUsers } from "../activity.js";
import { hash32 } from "../random.js";
import type { MockState } from "../types.js";
import { holders, SKUS } from "./usage.js";

/** A resource of a cost center, with GitHub's type names (`User`, `Org`, `Repo`, `EnterpriseTeam`). */
export interface MockCostCenterResource {
  type: "User" | "Org" | "Repo" | "EnterpriseTeam";
  name: string;
}

/** A cost center. */
export interface MockCostCenter {
  id: string;
  name: string;
  state: "active" | "deleted";
  resources: MockCostCenterResource[];
  aiCreditPoolEnabled: boolean;
}

/** The request body of a budget creation, as the spec types it. */
type BudgetBody = NonNullable<
  operations["billing/create-budget"]["requestBody"]
>["content"]["application/json"];

/** A budget (wire field names; scope and type values as the spec lists them). */
export interface MockBudget {
  id: string;
  budget_scope: BudgetBody["budget_scope"];
  budget_entity_name: string;
  budget_type: BudgetBody["budget_type"];
  budget_product_sku: string;
  budget_amount: number;
  prevent_further_usage: boolean;
  budget_alerting: { will_alert: boolean; alert_recipients: string[] };
  user?: string;
  /** The organization whose budget listing shows it (organization budgets), else undefined. */
  owner?: string;
}

/** A usage-report export; `polls` counts GETs (it completes on the third). */
export interface MockExport {
  id: string;
  report_type: "detailed" | "summarized" | "premium_request" | "ai_credit";
  start_date: string;
  end_date: string;
  created_at: string;
  actor: string;
  polls: number;
}

/** Billing state of one mock state. */
export interface MockBilling {
  costCenters: Map<string, MockCostCenter>;
  budgets: Map<string, MockBudget>;
  exports: Map<string, MockExport>;
  /** GETs of an export after which it is `completed`. */
  pollsToComplete: number;
}

const BILLING = new WeakMap<MockState, MockBilling>();

/** A UUID-shaped id, deterministic in `seed` and `text`. */
export function mockUuid(seed: number, text: string): string {
  const hex = [0, 1, 2, 3]
    .map((i) => hash32(`${seed}|${text}|${i}`).toString(16).padStart(8, "0"))
    .join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The billing state of `state`, seeded on first use. */
export function billingOf(state: MockState): MockBilling {
  let billing = BILLING.get(state);
  if (!billing) {
    billing = seedBilling(state);
    BILLING.set(state, billing);
  }
  return billing;
}

/**
 * Two cost centers (`Platform Engineering` holding about a third of the seated users,
 * `Research` holding a quarter of them plus the second organization, if any), a Copilot
 * budget for the enterprise and for each cost center, AI-credit budgets for three users and a
 * per-user budget for everyone.
 */
function seedBilling(state: MockState): MockBilling {
  const seed = state.randomSeed;
  const users = scopeUsers(state, { kind: "enterprise" })
    .map((u) => u.login)
    .sort();
  const orgs = [...state.orgs.values()].map((o) => o.login);
  const platform: MockCostCenter = {
    id: mockUuid(seed, "cost-center-platform"),
    name: "Platform Engineering",
    state: "active",
    resources: users.filter((_, i) => i % 3 === 0).map((name) => ({ type: "User" as const, name })),
    aiCreditPoolEnabled: false,
  };
  const research: MockCostCenter = {
    id: mockUuid(seed, "cost-center-research"),
    name: "Research",
    state: "active",
    resources: [
      ...users.filter((_, i) => i % 4 === 1).map((name) => ({ type: "User" as const, name })),
      ...orgs.slice(1, 2).map((name) => ({ type: "Org" as const, name })),
    ],
    aiCreditPoolEnabled: true,
  };
  // Cost-center budgets scale with a month of the seats they cover, so one sits near its
  // limit and one well below it, whatever the seed.
  const covered = (center: MockCostCenter) => {
    const names = new Set(center.resources.filter((r) => r.type === "User").map((r) => r.name));
    const orgNames = new Set(center.resources.filter((r) => r.type === "Org").map((r) => r.name));
    return holders(state)
      .filter((h) => names.has(h.login) || (h.org !== null && orgNames.has(h.org)))
      .reduce(
        (usd, h) => usd + (h.plan === "business" ? SKUS.business.price : SKUS.enterprise.price),
        0,
      );
  };
  const budget = (
    key: string,
    fields: Omit<MockBudget, "id" | "budget_type" | "prevent_further_usage" | "budget_alerting"> &
      Partial<MockBudget>,
  ): [string, MockBudget] => {
    const id = mockUuid(seed, `budget-${key}`);
    return [
      id,
      {
        id,
        budget_type: "ProductPricing",
        prevent_further_usage: false,
        budget_alerting: { will_alert: true, alert_recipients: ["billing-manager"] },
        ...fields,
      },
    ];
  };
  const budgets = new Map<string, MockBudget>([
    budget("enterprise", {
      budget_scope: "enterprise",
      budget_entity_name: "",
      budget_product_sku: "copilot",
      budget_amount: Math.max(1000, users.length * 25),
    }),
    budget("platform", {
      budget_scope: "cost_center",
      budget_entity_name: platform.name,
      budget_product_sku: "copilot",
      budget_amount: Math.max(50, Math.round(covered(platform) * 1.12)),
    }),
    budget("research", {
      budget_scope: "cost_center",
      budget_entity_name: research.name,
      budget_product_sku: "copilot",
      budget_amount: Math.max(100, Math.round(covered(research) * 1.6)),
      prevent_further_usage: true,
    }),
    budget("everyone", {
      budget_scope: "multi_user_customer",
      budget_entity_name: "",
      budget_type: "SkuPricing",
      budget_product_sku: "copilot_ai_credits",
      budget_amount: 15,
      budget_alerting: { will_alert: false, alert_recipients: [] },
    }),
    ...users.slice(0, 3).map((login, i) =>
      budget(`user-${login}`, {
        budget_scope: "user",
        budget_entity_name: login,
        user: login,
        budget_type: "SkuPricing",
        budget_product_sku: "copilot_ai_credits",
        budget_amount: [2, 5, 10][i] ?? 10,
        budget_alerting: { will_alert: false, alert_recipients: [] },
      }),
    ),
  ]);
  return {
    costCenters: new Map([
      [platform.id, platform],
      [research.id, research],
    ]),
    budgets,
    exports: new Map(),
    pollsToComplete: 3,
  };
}

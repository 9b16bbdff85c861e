/**
 * Every billing method (usage reports for enterprise, organization and user, exports, cost
 * centers, budgets): the request it sends (method, path, query, body) and the result it
 * returns, answered with GitHub's official example payload (ghec.json for enterprise
 * operations, api.github.com.json for organization and user ones).
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { CopilotClient } from "../../src/index.js";
import { API, type ExpectedRequest, expectOneRequest, TOKEN, useMsw } from "../support/msw.js";
import { officialExamples } from "../support/official.js";

const { server, seen } = useMsw();

interface Case extends ExpectedRequest {
  name: string;
  operation: string;
  status?: number;
  /** The result is the example's list (paginated methods). */
  items?: string;
  call: (client: CopilotClient) => Promise<unknown>;
}

const E = "/enterprises/acme/settings/billing";
const O = "/organizations/octo/settings/billing";
const U = "/users/mona/settings/billing";
const month = { year: "2026", month: "6" };
const budgetBody = {
  budget_scope: "cost_center",
  budget_entity_name: "Platform",
  budget_type: "ProductPricing",
  budget_product_sku: "copilot",
  budget_amount: 500,
  prevent_further_usage: false,
  budget_alerting: { will_alert: true, alert_recipients: ["mona"] },
} as const;

const orgBudgetBody = {
  ...budgetBody,
  budget_scope: "organization",
  budget_entity_name: "octo",
} as const;

const cases: Case[] = [
  ...(
    [
      ["aiCreditUsage", "ai_credit/usage", "ai-credit-usage-report"],
      ["premiumRequestUsage", "premium_request/usage", "premium-request-usage-report"],
      ["usageSummary", "usage/summary", "usage-summary-report"],
    ] as const
  ).flatMap(([method, path, id]): Case[] => [
    {
      name: `billing.${method} enterprise`,
      operation: `billing/get-github-billing-${id}-ghe`,
      method: "GET",
      path: `${E}/${path}`,
      query: { ...month, cost_center_id: "none" },
      call: (c) =>
        c.billing[method]({ enterprise: "acme", year: 2026, month: 6, cost_center_id: "none" }),
    },
    {
      name: `billing.${method} org`,
      operation: `billing/get-github-billing-${id}-org`,
      method: "GET",
      path: `${O}/${path}`,
      query: month,
      call: (c) => c.billing[method]({ org: "octo", year: 2026, month: 6 }),
    },
    {
      name: `billing.${method} user`,
      operation: `billing/get-github-billing-${id}-user`,
      method: "GET",
      path: `${U}/${path}`,
      query: { product: "Copilot" },
      call: (c) => c.billing[method]({ username: "mona", product: "Copilot" }),
    },
  ]),
  {
    name: "billing.aiCreditUsage enterprise filters",
    operation: "billing/get-github-billing-ai-credit-usage-report-ghe",
    method: "GET",
    path: `${E}/ai_credit/usage`,
    query: {
      user: "mona",
      model: "GPT-5",
      organization: "octo",
      day: "3",
      year: "2026",
      month: "6",
    },
    call: (c) =>
      c.billing.aiCreditUsage({
        enterprise: "acme",
        user: "mona",
        model: "GPT-5",
        organization: "octo",
        year: 2026,
        month: 6,
        day: 3,
      }),
  },
  {
    name: "billing.usage enterprise",
    operation: "billing/get-github-billing-usage-report-ghe",
    method: "GET",
    path: `${E}/usage`,
    query: { year: "2026", cost_center_id: "cc-1" },
    call: (c) => c.billing.usage({ enterprise: "acme", year: 2026, cost_center_id: "cc-1" }),
  },
  {
    name: "billing.usage org",
    operation: "billing/get-github-billing-usage-report-org",
    method: "GET",
    path: `${O}/usage`,
    query: month,
    call: (c) => c.billing.usage({ org: "octo", year: 2026, month: 6 }),
  },
  {
    name: "billing.usage user",
    operation: "billing/get-github-billing-usage-report-user",
    method: "GET",
    path: `${U}/usage`,
    call: (c) => c.billing.usage({ username: "mona" }),
  },
  {
    name: "billing.exports.create",
    operation: "billing/create-usage-report-export",
    status: 202,
    method: "POST",
    path: `${E}/reports`,
    body: { report_type: "ai_credit", start_date: "2026-06-01", end_date: "2026-06-30" },
    call: (c) =>
      c.billing.exports.create({
        enterprise: "acme",
        report_type: "ai_credit",
        start_date: "2026-06-01",
        end_date: "2026-06-30",
      }),
  },
  {
    name: "billing.exports.get",
    operation: "billing/get-usage-report-export",
    method: "GET",
    path: `${E}/reports/r-1`,
    call: (c) => c.billing.exports.get({ enterprise: "acme", report_id: "r-1" }),
  },
  {
    name: "billing.exports.list",
    operation: "billing/list-usage-report-exports",
    method: "GET",
    path: `${E}/reports`,
    call: (c) => c.billing.exports.list({ enterprise: "acme" }),
  },
  {
    name: "costCenters.list",
    operation: "billing/get-all-cost-centers",
    method: "GET",
    path: `${E}/cost-centers`,
    query: { state: "active" },
    call: (c) => c.costCenters.list({ enterprise: "acme", state: "active" }),
  },
  {
    name: "costCenters.get",
    operation: "billing/get-cost-center",
    method: "GET",
    path: `${E}/cost-centers/cc-1`,
    call: (c) => c.costCenters.get({ enterprise: "acme", cost_center_id: "cc-1" }),
  },
  {
    name: "costCenters.create",
    operation: "billing/create-cost-center",
    method: "POST",
    path: `${E}/cost-centers`,
    body: { name: "Platform" },
    call: (c) => c.costCenters.create({ enterprise: "acme", name: "Platform" }),
  },
  {
    name: "costCenters.update",
    operation: "billing/update-cost-center",
    method: "PATCH",
    path: `${E}/cost-centers/cc-1`,
    body: { name: "Platform 2" },
    call: (c) =>
      c.costCenters.update({ enterprise: "acme", cost_center_id: "cc-1", name: "Platform 2" }),
  },
  {
    name: "costCenters.delete",
    operation: "billing/delete-cost-center",
    method: "DELETE",
    path: `${E}/cost-centers/cc-1`,
    call: (c) => c.costCenters.delete({ enterprise: "acme", cost_center_id: "cc-1" }),
  },
  {
    name: "costCenters.addResources",
    operation: "billing/add-resource-to-cost-center",
    method: "POST",
    path: `${E}/cost-centers/cc-1/resource`,
    body: { users: ["mona"], organizations: ["octo"] },
    call: (c) =>
      c.costCenters.addResources({
        enterprise: "acme",
        cost_center_id: "cc-1",
        users: ["mona"],
        organizations: ["octo"],
      }),
  },
  {
    name: "costCenters.removeResources",
    operation: "billing/remove-resource-from-cost-center",
    method: "DELETE",
    path: `${E}/cost-centers/cc-1/resource`,
    body: { repositories: ["octo/app"] },
    call: (c) =>
      c.costCenters.removeResources({
        enterprise: "acme",
        cost_center_id: "cc-1",
        repositories: ["octo/app"],
      }),
  },
  {
    name: "budgets.list enterprise",
    operation: "billing/get-all-budgets",
    method: "GET",
    path: `${E}/budgets`,
    query: { per_page: "100", scope: "cost_center" },
    items: "budgets",
    call: (c) => c.budgets.list({ enterprise: "acme", scope: "cost_center" }).toArray(),
  },
  {
    name: "budgets.list org",
    operation: "billing/get-all-budgets-org",
    method: "GET",
    path: `${O}/budgets`,
    query: { per_page: "100" },
    items: "budgets",
    call: (c) => c.budgets.list({ org: "octo" }).toArray(),
  },
  ...(
    [
      [
        "enterprise",
        E,
        "billing/get-budget",
        "billing/create-budget",
        "billing/update-budget",
        "billing/delete-budget",
      ],
      [
        "org",
        O,
        "billing/get-budget-org",
        "billing/create-organization-budget",
        "billing/update-budget-org",
        "billing/delete-budget-org",
      ],
    ] as const
  ).flatMap(([key, base, get, create, update, remove]): Case[] => {
    const account = (key === "org" ? { org: "octo" } : { enterprise: "acme" }) as {
      enterprise: string;
    };
    return [
      {
        name: `budgets.get ${key}`,
        operation: get,
        method: "GET",
        path: `${base}/budgets/b-1`,
        call: (c) => c.budgets.get({ ...account, budget_id: "b-1" }),
      },
      {
        name: `budgets.create ${key}`,
        operation: create,
        method: "POST",
        path: `${base}/budgets`,
        body: key === "org" ? orgBudgetBody : budgetBody,
        call: (c) =>
          c.budgets.create({
            ...account,
            ...(key === "org" ? orgBudgetBody : budgetBody),
          } as never),
      },
      {
        name: `budgets.update ${key}`,
        operation: update,
        method: "PATCH",
        path: `${base}/budgets/b-1`,
        body: { budget_amount: 600 },
        call: (c) => c.budgets.update({ ...account, budget_id: "b-1", budget_amount: 600 }),
      },
      {
        name: `budgets.delete ${key}`,
        operation: remove,
        method: "DELETE",
        path: `${base}/budgets/b-1`,
        call: (c) => c.budgets.delete({ ...account, budget_id: "b-1" }),
      },
    ];
  }),
  {
    name: "budgets.userStates",
    operation: "billing/get-budget-user-states",
    method: "GET",
    path: `${E}/budgets/b-1/user-states`,
    query: { per_page: "100", threshold_lower_bound: "80" },
    items: "user_states",
    call: (c) =>
      c.budgets
        .userStates({ enterprise: "acme", budget_id: "b-1", threshold_lower_bound: 80 })
        .toArray(),
  },
];

describe.each(cases)("$name", (c) => {
  it(`sends ${c.method} ${c.path} and returns the official example`, async () => {
    const status = c.status ?? 200;
    const [example] = officialExamples(c.operation, status);
    expect(example, "the official description has an example").toBeDefined();
    server.use(http.all(`${API}${c.path}`, () => HttpResponse.json(example as never, { status })));
    const client = new CopilotClient({ auth: TOKEN, throttle: false });
    const result = await c.call(client);
    expect(result).toEqual(c.items ? (example as Record<string, unknown>)[c.items] : example);
    expectOneRequest(seen, c);
  });
});

describe("account keys", () => {
  it("refuses a filter the chosen endpoint does not take, before sending", async () => {
    const client = new CopilotClient({ auth: TOKEN, throttle: false });
    await expect(
      client.billing.aiCreditUsage({ username: "mona", organization: "octo" } as never),
    ).rejects.toThrow(/organization/);
    expect(() => client.budgets.list({ username: "mona" } as never)).toThrow(/enterprise, org/);
    expect(seen).toHaveLength(0);
  });
});

/**
 * Budgets of the mock enterprise and its organizations
 * (https://docs.github.com/rest/billing/budgets). Listings page by `page`/`per_page`
 * (default 10, at most 100) and answer `has_next_page` and `total_count`, without a `Link`
 * header, as GitHub does. `consumed_amount` is shown on user budgets, and on every budget
 * when the listing is filtered by `user`.
 */

import { consumedAmount, creditsByUser } from "../billing/consumption.js";
import { billingOf, type MockBudget, mockUuid } from "../billing/state.js";
import { cents, holders } from "../billing/usage.js";
import { error, json, notFound } from "../http.js";
import { type Route, type RouteContext, specRoute } from "../router.js";
import { findEnterprise, findOrg, readObject } from "./lookup.js";

const DOCS = "https://docs.github.com/rest/billing/budgets";
// Keyed by the spec's types: the compiler flags a scope or type the spec adds or drops.
const SCOPES = new Set(
  Object.keys({
    enterprise: true,
    organization: true,
    repository: true,
    cost_center: true,
    multi_user_customer: true,
    multi_user_cost_center: true,
    user: true,
  } satisfies Record<MockBudget["budget_scope"], true>),
);
const TYPES = new Set(
  Object.keys({ ProductPricing: true, SkuPricing: true, BundlePricing: true } satisfies Record<
    MockBudget["budget_type"],
    true
  >),
);

/** The budgets an account sees: all of the enterprise's, or those owned by or scoped to the organization. */
function visible(ctx: RouteContext): MockBudget[] | undefined {
  const all = [...billingOf(ctx.state).budgets.values()];
  if (ctx.params.enterprise !== undefined) return findEnterprise(ctx) ? all : undefined;
  const org = findOrg(ctx);
  if (!org) return undefined;
  const login = org.login.toLowerCase();
  return all.filter(
    (b) =>
      b.owner?.toLowerCase() === login ||
      (b.budget_scope === "organization" && b.budget_entity_name.toLowerCase() === login),
  );
}

function render(ctx: RouteContext, budget: MockBudget, user?: string): Record<string, unknown> {
  const { owner: _owner, ...wire } = budget;
  const shown = budget.budget_scope === "user" || user !== undefined;
  return shown
    ? { ...wire, consumed_amount: consumedAmount(ctx.state, budget, ctx.now, user) }
    : wire;
}

function positive(text: string | null, fallback: number, max: number): number {
  const value = text !== null && /^\d+$/.test(text) ? Number(text) : fallback;
  return Math.min(Math.max(value, 1), max);
}

function budgetOf(ctx: RouteContext): MockBudget | undefined {
  const id = ctx.params.budget_id ?? "";
  return visible(ctx)?.find((b) => b.id === id);
}

/** Checks a create/update body; returns the 400/422 to send, or nothing. */
function invalid(body: Record<string, unknown>, creating: boolean): string | undefined {
  const required = [
    "budget_amount",
    "prevent_further_usage",
    "budget_alerting",
    "budget_scope",
    "budget_type",
  ];
  if (creating)
    for (const key of required) if (body[key] === undefined) return `${key} is required`;
  if (
    body.budget_amount !== undefined &&
    (!Number.isInteger(body.budget_amount) || (body.budget_amount as number) < 0)
  )
    return "budget_amount must be a whole number of dollars";
  if (body.budget_scope !== undefined && !SCOPES.has(String(body.budget_scope)))
    return "unknown budget_scope";
  if (body.budget_type !== undefined && !TYPES.has(String(body.budget_type)))
    return "unknown budget_type";
  if (
    body.budget_scope === "user" &&
    typeof body.user !== "string" &&
    typeof body.budget_entity_name !== "string"
  )
    return "a user budget needs user";
  return undefined;
}

function list(ctx: RouteContext): Response {
  const budgets = visible(ctx);
  if (!budgets) return notFound(DOCS);
  const q = ctx.url.searchParams;
  const scope = q.get("scope");
  const user = q.get("user") ?? undefined;
  const matching = budgets.filter((b) => scope === null || b.budget_scope === scope);
  const perPage = positive(q.get("per_page"), 10, 100);
  const page = positive(q.get("page"), 1, Number.MAX_SAFE_INTEGER);
  const slice = matching.slice((page - 1) * perPage, page * perPage);
  const body: Record<string, unknown> = {
    budgets: slice.map((b) => render(ctx, b, user)),
    has_next_page: page * perPage < matching.length,
    total_count: matching.length,
  };
  if (user !== undefined) {
    const own = matching.find(
      (b) => b.budget_scope === "user" && b.user?.toLowerCase() === user.toLowerCase(),
    );
    const effective = own ?? matching.find((b) => b.budget_scope === "multi_user_customer");
    body.user = user;
    if (effective) {
      body.effective_budget = {
        id: effective.id,
        budget_amount: effective.budget_amount,
        consumed_amount: consumedAmount(ctx.state, effective, ctx.now, user),
      };
    }
  }
  return json(200, body);
}

async function create(ctx: RouteContext): Promise<Response> {
  const budgets = visible(ctx);
  if (!budgets) return notFound(DOCS);
  const read = await readObject(ctx, DOCS);
  if (!read.ok) return read.response;
  const problem = invalid(read.body, true);
  if (problem) return error(422, `Invalid request.\n\n${problem}`, DOCS);
  const b = read.body;
  const id = mockUuid(ctx.state.randomSeed, `budget-${ctx.state.nextId++}`);
  const budget: MockBudget = {
    id,
    budget_scope: b.budget_scope as MockBudget["budget_scope"],
    budget_entity_name: String(b.budget_entity_name ?? b.user ?? ""),
    budget_type: b.budget_type as MockBudget["budget_type"],
    budget_product_sku: String(b.budget_product_sku ?? "copilot"),
    budget_amount: b.budget_amount as number,
    prevent_further_usage: b.prevent_further_usage === true,
    budget_alerting: b.budget_alerting as MockBudget["budget_alerting"],
    ...(typeof b.user === "string" ? { user: b.user } : {}),
    ...(ctx.params.org !== undefined ? { owner: findOrg(ctx)?.login ?? "" } : {}),
  };
  billingOf(ctx.state).budgets.set(id, budget);
  ctx.state.version++;
  const { owner: _owner, ...wire } = budget;
  return json(200, { message: "Budget successfully created.", budget: wire });
}

async function update(ctx: RouteContext): Promise<Response> {
  const budget = budgetOf(ctx);
  if (!budget) return notFound(DOCS);
  const read = await readObject(ctx, DOCS);
  if (!read.ok) return read.response;
  const problem = invalid(read.body, false);
  if (problem) return error(422, `Invalid request.\n\n${problem}`, DOCS);
  const allowed = [
    "budget_amount",
    "prevent_further_usage",
    "budget_alerting",
    "budget_scope",
    "budget_entity_name",
    "budget_type",
    "budget_product_sku",
    "user",
  ] as const;
  for (const key of allowed) {
    if (read.body[key] !== undefined)
      (budget as unknown as Record<string, unknown>)[key] = read.body[key];
  }
  ctx.state.version++;
  return json(200, {
    message: "Budget successfully updated.",
    budget: render(ctx, budget, budget.user),
  });
}

function remove(ctx: RouteContext): Response {
  const budget = budgetOf(ctx);
  if (!budget) return notFound(DOCS);
  billingOf(ctx.state).budgets.delete(budget.id);
  ctx.state.version++;
  return json(200, { message: "Budget successfully deleted.", id: budget.id });
}

function userStates(ctx: RouteContext): Response {
  const budget = budgetOf(ctx);
  if (!budget) return notFound(DOCS);
  if (
    budget.budget_scope !== "multi_user_customer" &&
    budget.budget_scope !== "multi_user_cost_center"
  )
    return error(400, "User states exist only for multi-user budgets.", DOCS);
  const q = ctx.url.searchParams;
  const only = q.get("user")?.toLowerCase();
  const low = q.has("threshold_lower_bound") ? Number(q.get("threshold_lower_bound")) : -Infinity;
  const high = q.has("threshold_upper_bound") ? Number(q.get("threshold_upper_bound")) : Infinity;
  const spent = creditsByUser(ctx.state, ctx.now);
  const overrides = [...billingOf(ctx.state).budgets.values()].filter(
    (b) => b.budget_scope === "user",
  );
  let states = holders(ctx.state)
    .filter((h) => only === undefined || h.login.toLowerCase() === only)
    .map((h) => {
      const override = overrides.find((b) => b.user?.toLowerCase() === h.login.toLowerCase());
      return {
        user: h.login,
        consumed_amount: cents(spent.get(h.login.toLowerCase()) ?? 0),
        target_amount: override?.budget_amount ?? budget.budget_amount,
        ...(override ? { override_budget_id: override.id } : {}),
      };
    })
    .filter((s) => {
      const percent = (100 * s.consumed_amount) / Math.max(s.target_amount, 1e-9);
      return percent >= low && percent <= high;
    });
  states = states.sort((a, b) =>
    q.get("sort_order") === "1"
      ? a.consumed_amount - b.consumed_amount
      : b.consumed_amount - a.consumed_amount,
  );
  const perPage = positive(q.get("per_page"), 30, 100);
  const page = positive(q.get("page"), 1, Number.MAX_SAFE_INTEGER);
  return json(200, {
    user_states: states.slice((page - 1) * perPage, page * perPage),
    has_next_page: page * perPage < states.length,
    total_count: states.length,
  });
}

/** The account kinds budgets exist for; scopes and docs come from the spec. */
const ENTERPRISE = { prefix: "/enterprises/{enterprise}" };
const ORG = { prefix: "/organizations/{org}" };

/** Budget routes of the enterprise and its organizations. */
export const budgetRoutes: Route[] = [
  ...[ENTERPRISE, ORG].flatMap(({ prefix }): Route[] => [
    {
      ...specRoute("GET", `${prefix}/settings/billing/budgets`),
      handle: list,
    },
    {
      ...specRoute("POST", `${prefix}/settings/billing/budgets`),
      handle: create,
    },
    {
      ...specRoute("GET", `${prefix}/settings/billing/budgets/{budget_id}`),
      handle: (ctx) => {
        const budget = budgetOf(ctx);
        return budget ? json(200, render(ctx, budget)) : notFound(DOCS);
      },
    },
    {
      ...specRoute("PATCH", `${prefix}/settings/billing/budgets/{budget_id}`),
      handle: update,
    },
    {
      ...specRoute("DELETE", `${prefix}/settings/billing/budgets/{budget_id}`),
      handle: remove,
    },
  ]),
  {
    ...specRoute("GET", `${ENTERPRISE.prefix}/settings/billing/budgets/{budget_id}/user-states`),
    handle: userStates,
  },
];

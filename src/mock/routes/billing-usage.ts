/**
 * Billing usage reports of the mock enterprise, its organizations and users:
 * `…/settings/billing/ai_credit/usage`, `…/premium_request/usage`, `…/usage`, `…/usage/summary`
 * (https://docs.github.com/rest/billing/usage). Figures come from `billing/usage.ts`, so they
 * agree with the seats and the usage-metrics reports. The users of the mock are billed
 * through the enterprise, so the personal (`/users/…`) reports are empty.
 */

import { type Period, readPeriod } from "../billing/period.js";
import {
  type CreditRow,
  cents,
  creditRows,
  PRODUCT,
  type SeatRow,
  SKUS,
  seatRows,
} from "../billing/usage.js";
import { error, json, notFound } from "../http.js";
import { type Route, type RouteContext, specRoute } from "../router.js";
import { findEnterprise, findOrg, findUser } from "./lookup.js";

const DOCS = "https://docs.github.com/rest/billing/usage";

/** Who a report is for. */
type Account =
  | { kind: "enterprise"; slug: string }
  | { kind: "org"; login: string }
  | { kind: "user"; login: string };

function accountOf(ctx: RouteContext): Account | null {
  if (ctx.params.enterprise !== undefined) {
    const enterprise = findEnterprise(ctx);
    return enterprise ? { kind: "enterprise", slug: enterprise.slug } : null;
  }
  if (ctx.params.org !== undefined) {
    const org = findOrg(ctx);
    return org ? { kind: "org", login: org.login } : null;
  }
  const user = findUser(ctx, ctx.params.username ?? "");
  return user ? { kind: "user", login: user.login } : null;
}

function accountFields(ctx: RouteContext, account: Account): Record<string, string> {
  if (account.kind === "enterprise") return { enterprise: ctx.state.enterprise.name };
  if (account.kind === "org") return { organization: account.login };
  return { user: account.login };
}

const lower = (text: string | null | undefined) => (text ?? "").toLowerCase();

/** Whether a row of the account passes the query's filters (`cost_center_id`: id or `none`). */
function passes(
  ctx: RouteContext,
  account: Account,
  row: {
    login: string;
    org: string | null;
    costCenter: { id: string } | undefined;
    model?: string;
  },
  costCenterDefault: "any" | "none",
): boolean {
  const q = ctx.url.searchParams;
  if (account.kind === "user") return false;
  if (account.kind === "org" && lower(row.org) !== lower(account.login)) return false;
  const organization = q.get("organization");
  if (organization !== null && lower(row.org) !== lower(organization)) return false;
  const user = q.get("user");
  if (user !== null && lower(row.login) !== lower(user)) return false;
  const model = q.get("model");
  if (model !== null && row.model !== undefined && lower(row.model) !== lower(model)) return false;
  const product = q.get("product");
  if (product !== null && lower(product) !== lower(PRODUCT)) return false;
  const costCenter =
    q.get("cost_center_id") ?? (account.kind === "enterprise" ? costCenterDefault : "any");
  if (costCenter === "any") return true;
  if (costCenter === "none") return row.costCenter === undefined;
  return row.costCenter?.id === costCenter;
}

/** The 400 of a bad period, or the 403 GitHub gives enterprise-owned organizations filtered by user. */
function refusal(ctx: RouteContext, account: Account, period: Period | null): Response | undefined {
  if (!period) return error(400, "Invalid year, month or day.", DOCS);
  if (account.kind === "org" && ctx.url.searchParams.has("user")) {
    return error(
      403,
      "Organization admins for enterprise owned organizations cannot filter usage by user. Use the enterprise endpoint instead.",
      DOCS,
    );
  }
  return undefined;
}

function costCenterField(
  ctx: RouteContext,
  rows: readonly { costCenter: { id: string; name: string } | undefined }[],
) {
  const id = ctx.url.searchParams.get("cost_center_id");
  if (id === null || id === "none") return {};
  const center = rows.find((r) => r.costCenter?.id === id)?.costCenter;
  return center ? { costCenter: { id: center.id, name: center.name } } : {};
}

/** The AI-credit and premium-request reports: one item per model. */
function modelReport(kind: "ai" | "premium") {
  const sku = kind === "ai" ? SKUS.aiCredits : SKUS.premiumRequests;
  const quantity = (credits: number) => (kind === "ai" ? credits : Math.ceil(credits / 25));
  return (ctx: RouteContext): Response => {
    const account = accountOf(ctx);
    if (!account) return notFound(DOCS);
    const period = readPeriod(ctx.url, ctx.now, true);
    const refused = refusal(ctx, account, period);
    if (refused || !period) return refused as Response;
    const rows = creditRows(ctx.state, period.from, period.to, ctx.now).filter((row) =>
      passes(ctx, account, row, "any"),
    );
    const byModel = new Map<string, { gross: number; discount: number }>();
    for (const row of rows) {
      const entry = byModel.get(row.model) ?? { gross: 0, discount: 0 };
      entry.gross += quantity(row.credits);
      entry.discount += Math.min(quantity(row.discountCredits), quantity(row.credits));
      byModel.set(row.model, entry);
    }
    const q = ctx.url.searchParams;
    const echo: Record<string, string> = {};
    for (const name of ["user", "model", "product", "organization"] as const) {
      const value = q.get(name);
      if (value !== null && !(account.kind === "org" && name === "organization"))
        echo[name] = value;
    }
    return json(200, {
      timePeriod: period.timePeriod,
      ...accountFields(ctx, account),
      ...echo,
      ...costCenterField(ctx, rows),
      usageItems: [...byModel].map(([model, { gross, discount }]) => ({
        product: PRODUCT,
        sku: sku.sku,
        model,
        unitType: sku.unitType,
        pricePerUnit: sku.price,
        grossQuantity: gross,
        grossAmount: cents(gross * sku.price),
        discountQuantity: discount,
        discountAmount: cents(discount * sku.price),
        netQuantity: gross - discount,
        netAmount: cents((gross - discount) * sku.price),
      })),
    });
  };
}

interface Line {
  date: string;
  sku: (typeof SKUS)[keyof typeof SKUS];
  org: string;
  quantity: number;
  discountQuantity: number;
}

/** Seat and AI-credit lines of a period, filtered for the account and query. */
function lines(
  ctx: RouteContext,
  account: Account,
  period: Period,
  costCenterDefault: "any" | "none",
): Line[] {
  const out = new Map<string, Line>();
  const enterpriseName = ctx.state.enterprise.name;
  const add = (
    date: string,
    sku: Line["sku"],
    org: string | null,
    quantity: number,
    discount: number,
  ) => {
    const key = `${date}|${sku.sku}|${org ?? ""}`;
    const line = out.get(key) ?? {
      date,
      sku,
      org: org ?? enterpriseName,
      quantity: 0,
      discountQuantity: 0,
    };
    line.quantity += quantity;
    line.discountQuantity += discount;
    out.set(key, line);
  };
  const day = ctx.url.searchParams.has("day");
  for (const { year, month } of period.months) {
    if (day) break;
    for (const seat of seatRows(ctx.state, year, month, ctx.now) as SeatRow[]) {
      if (!passes(ctx, account, seat, costCenterDefault)) continue;
      add(seat.month, seat.plan === "business" ? SKUS.business : SKUS.enterprise, seat.org, 1, 0);
    }
  }
  for (const row of creditRows(ctx.state, period.from, period.to, ctx.now) as CreditRow[]) {
    if (!passes(ctx, account, row, costCenterDefault)) continue;
    add(row.day, SKUS.aiCredits, row.org, row.credits, row.discountCredits);
  }
  return [...out.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.sku.sku.localeCompare(b.sku.sku),
  );
}

function usage(ctx: RouteContext): Response {
  const account = accountOf(ctx);
  if (!account) return notFound(DOCS);
  const period = readPeriod(ctx.url, ctx.now, false);
  if (!period) return error(400, "Invalid year, month or day.", DOCS);
  return json(200, {
    usageItems: lines(ctx, account, period, "none").map((line) => ({
      date: line.date,
      product: PRODUCT,
      sku: line.sku.sku,
      quantity: line.quantity,
      unitType: line.sku.unitType,
      pricePerUnit: line.sku.price,
      grossAmount: cents(line.quantity * line.sku.price),
      discountAmount: cents(line.discountQuantity * line.sku.price),
      netAmount: cents((line.quantity - line.discountQuantity) * line.sku.price),
      organizationName: line.org,
    })),
  });
}

function summary(ctx: RouteContext): Response {
  const account = accountOf(ctx);
  if (!account) return notFound(DOCS);
  const period = readPeriod(ctx.url, ctx.now, true);
  if (!period) return error(400, "Invalid year, month or day.", DOCS);
  const q = ctx.url.searchParams;
  const bySku = new Map<string, Line>();
  if (!q.has("repository")) {
    for (const line of lines(ctx, account, period, "any")) {
      const sku = q.get("sku");
      if (sku !== null && lower(sku) !== lower(line.sku.sku)) continue;
      const entry = bySku.get(line.sku.sku) ?? { ...line, quantity: 0, discountQuantity: 0 };
      entry.quantity += line.quantity;
      entry.discountQuantity += line.discountQuantity;
      bySku.set(line.sku.sku, entry);
    }
  }
  return json(200, {
    timePeriod: period.timePeriod,
    ...accountFields(ctx, account),
    usageItems: [...bySku.values()].map(({ sku, quantity, discountQuantity }) => ({
      product: PRODUCT,
      sku: sku.sku,
      unitType: sku.unitType,
      pricePerUnit: sku.price,
      grossQuantity: quantity,
      grossAmount: cents(quantity * sku.price),
      discountQuantity,
      discountAmount: cents(discountQuantity * sku.price),
      netQuantity: quantity - discountQuantity,
      netAmount: cents((quantity - discountQuantity) * sku.price),
    })),
  });
}

/** The account kinds the usage reports exist for; scopes and docs come from the spec. */
const ACCOUNTS = [
  "/enterprises/{enterprise}",
  "/organizations/{org}",
  "/users/{username}",
] as const;

/** The four usage reports for each account kind. */
export const billingUsageRoutes: Route[] = ACCOUNTS.flatMap((prefix) => [
  {
    ...specRoute("GET", `${prefix}/settings/billing/ai_credit/usage`),
    handle: modelReport("ai"),
  },
  {
    ...specRoute("GET", `${prefix}/settings/billing/premium_request/usage`),
    handle: modelReport("premium"),
  },
  { ...specRoute("GET", `${prefix}/settings/billing/usage`), handle: usage },
  {
    ...specRoute("GET", `${prefix}/settings/billing/usage/summary`),
    handle: summary,
  },
]);

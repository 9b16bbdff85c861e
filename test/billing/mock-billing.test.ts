/**
 * The billing methods against the stateful mock: usage reports agree with the seats and with
 * each other, the enterprise-owned-organization user filter fails with its hint, exports go
 * processing → completed and stream their CSV rows, cost-center resource changes are batched,
 * budgets page by has_next_page, and metrics.spend adds up.
 */
import { describe, expect, it } from "vitest";
import { CopilotClient } from "../../src/client.js";
import {
  BulkOperationError,
  CopilotError,
  PermissionDeniedError,
  RequestValidationError,
} from "../../src/core/errors.js";
import { holders } from "../../src/mock/billing/usage.js";
import { API, clock, useMock } from "../mock/harness.js";

const mock = useMock();
const client = () =>
  new CopilotClient({ auth: "test-token", baseUrl: API, retry: { retries: 0 } as never });
const ENT = "octo-enterprise";
const sum = (items: { netAmount: number }[]) =>
  Math.round(items.reduce((total, item) => total + item.netAmount, 0) * 100) / 100;

describe("billing usage reports (mock)", () => {
  it("bills one seat line per seated user of the month at the report's own price", async () => {
    const report = await client().billing.usage({
      enterprise: ENT,
      year: 2026,
      month: 3,
      cost_center_id: "none",
    });
    const seats = report.usageItems?.filter((item) => item.unitType === "user-months") ?? [];
    const centers = await client().costCenters.list({ enterprise: ENT });
    const assigned = new Set(
      centers.costCenters?.flatMap((c) =>
        c.resources.filter((r) => r.type === "User").map((r) => r.name),
      ),
    );
    const unassigned = holders(mock.state).filter(
      (h) => !assigned.has(h.login) && h.org !== "octo-labs",
    );
    expect(seats.reduce((n, item) => n + item.quantity, 0)).toBe(unassigned.length);
    for (const item of seats)
      expect(item.grossAmount).toBeCloseTo(item.quantity * item.pricePerUnit, 2);
  });

  it("gives the same AI-credit total by model as the summary, and per cost center in parts", async () => {
    const c = client();
    const byModel = await c.billing.aiCreditUsage({ enterprise: ENT, year: 2026, month: 3 });
    expect(byModel.usageItems.length).toBeGreaterThan(1);
    const summary = await c.billing.usageSummary({ enterprise: ENT, year: 2026, month: 3 });
    const credits = summary.usageItems.find((item) => item.unitType === "credits");
    expect(credits?.netAmount).toBeCloseTo(sum(byModel.usageItems), 1);
    const centers = (await c.costCenters.list({ enterprise: ENT })).costCenters ?? [];
    let parts = sum(
      (
        await c.billing.aiCreditUsage({
          enterprise: ENT,
          year: 2026,
          month: 3,
          cost_center_id: "none",
        })
      ).usageItems,
    );
    for (const center of centers) {
      const part = await c.billing.aiCreditUsage({
        enterprise: ENT,
        year: 2026,
        month: 3,
        cost_center_id: center.id,
      });
      expect((part as { costCenter?: { name: string } }).costCenter?.name).toBe(center.name);
      parts += sum(part.usageItems);
    }
    expect(parts).toBeCloseTo(sum(byModel.usageItems), 1);
  });

  it("picks the organization and user endpoints by key, and refuses two keys before sending", async () => {
    const c = client();
    const org = await c.billing.premiumRequestUsage({ org: "octo-org", year: 2026, month: 3 });
    expect(org).toMatchObject({ organization: "octo-org" });
    const user = await c.billing.usage({ username: holders(mock.state)[0]!.login, year: 2026 });
    expect(user.usageItems).toEqual([]);
    const before = mock.requests.length;
    expect(() => c.billing.usage({ org: "octo-org", enterprise: ENT } as never)).toThrow(
      RequestValidationError,
    );
    await expect(
      c.billing.usageSummary({ org: "octo-org", organization: "x" } as never),
    ).rejects.toThrow(RequestValidationError);
    expect(mock.requests.length).toBe(before);
  });

  it("explains the 403 of a user filter on an enterprise-owned organization", async () => {
    const login = holders(mock.state)[0]!.login;
    const error = await client()
      .billing.aiCreditUsage({ org: "octo-org", user: login })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).hint).toMatch(/enterprise/);
  });
});

describe("billing.exports (mock)", () => {
  it("waits until completed and streams every row of every month file as typed rows", async () => {
    const c = client();
    const created = await c.billing.exports.create({
      enterprise: ENT,
      report_type: "ai_credit",
      start_date: "2026-02-01",
      end_date: "2026-03-14",
    });
    expect(created.status).toBe("processing");
    expect(() => c.billing.exports.records(created)).toThrow(CopilotError);
    const done = await c.billing.exports.waitFor(created, { enterprise: ENT, pollMs: 1 });
    expect(done.download_urls).toHaveLength(2);
    const gets = mock.requests.filter((r) => r.method === "GET" && r.path.includes(created.id));
    expect(gets.length).toBe(3);
    let rows = 0;
    let net = 0;
    for await (const row of c.billing.exports.records(done)) {
      expect(typeof row.net_amount).toBe("number");
      expect(row.model).toBeTruthy();
      rows++;
      if (row.date?.startsWith("2026-03")) net += row.net_amount ?? 0;
    }
    expect(rows).toBeGreaterThan(100);
    const report = await c.billing.aiCreditUsage({ enterprise: ENT, year: 2026, month: 3 });
    expect(net).toBeCloseTo(sum(report.usageItems), 0);
    const downloads = mock.requests.filter((r) => r.origin === "download");
    expect(downloads).toHaveLength(2);
    for (const d of downloads) expect(d.headers.authorization).toBeUndefined();
  });

  it("ends the wait when the signal aborts", async () => {
    const c = client();
    const created = await c.billing.exports.create({
      enterprise: ENT,
      report_type: "summarized",
      start_date: "2026-03-01",
    });
    const controller = new AbortController();
    const wait = c.billing.exports.waitFor(created.id, {
      enterprise: ENT,
      pollMs: 60_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(wait).rejects.toThrow(/abort/i);
  });
});

describe("costCenters (mock)", () => {
  it("adds 110 users in batches of 50 and moves them from their old cost center", async () => {
    const c = client();
    const created = await c.costCenters.create({ enterprise: ENT, name: "Chargeback test" });
    const names = holders(mock.state)
      .map((h) => h.login)
      .slice(0, 110);
    expect(names).toHaveLength(110);
    const plan = await c.costCenters.addResources({
      enterprise: ENT,
      cost_center_id: created.id!,
      users: names,
      dryRun: true,
    });
    expect(plan.batches.map((b) => b.users?.length)).toEqual([50, 50, 10]);
    const before = mock.requests.length;
    const result = await c.costCenters.addResources({
      enterprise: ENT,
      cost_center_id: created.id!,
      users: names,
    });
    expect(mock.requests.length - before).toBe(3);
    expect(result.reassigned_resources?.length).toBeGreaterThan(0);
    const after = await c.costCenters.get({ enterprise: ENT, cost_center_id: created.id! });
    expect(after.resources).toHaveLength(110);
  });

  it("records which batch failed and what was not sent", async () => {
    const c = client();
    const created = await c.costCenters.create({ enterprise: ENT, name: "Half done" });
    const logins = holders(mock.state).map((h) => h.login);
    const names = [...logins.slice(0, 60), "nobody-here", ...logins.slice(60, 110)];
    const error = await c.costCenters
      .addResources({ enterprise: ENT, cost_center_id: created.id!, users: names })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkOperationError);
    const bulk = error as BulkOperationError;
    expect(bulk.completed).toHaveLength(1);
    expect(bulk.failed?.status).toBe("failed");
    expect(bulk.failed?.names).toContain("users:nobody-here");
    expect(bulk.remaining).toEqual(names.slice(100).map((n) => `users:${n}`));
    const center = await c.costCenters.get({ enterprise: ENT, cost_center_id: created.id! });
    expect(center.resources).toHaveLength(50);
  });

  it("refuses an update without a field before sending", () => {
    expect(() =>
      client().costCenters.update({ enterprise: ENT, cost_center_id: "x" } as never),
    ).toThrow(RequestValidationError);
  });
});

describe("budgets (mock)", () => {
  it("pages by has_next_page without a Link header", async () => {
    const c = client();
    const pages = [];
    for await (const page of c.budgets.list({ enterprise: ENT, per_page: 2 }).pages())
      pages.push(page);
    const all = await c.budgets.list({ enterprise: ENT }).toArray();
    expect(pages.length).toBe(Math.ceil(all.length / 2));
    expect(pages.flatMap((p) => p.items).map((b) => b.id)).toEqual(all.map((b) => b.id));
    expect(new Set(all.map((b) => b.id)).size).toBe(all.length);
  });

  it("creates, reads, updates and deletes an organization budget", async () => {
    const c = client();
    const created = await c.budgets.create({
      org: "octo-org",
      budget_scope: "organization",
      budget_entity_name: "octo-org",
      budget_type: "ProductPricing",
      budget_product_sku: "copilot",
      budget_amount: 250,
      prevent_further_usage: false,
      budget_alerting: { will_alert: true, alert_recipients: ["mona"] },
    });
    const id = created.budget.id!;
    expect((await c.budgets.get({ org: "octo-org", budget_id: id })).budget_amount).toBe(250);
    await c.budgets.update({ org: "octo-org", budget_id: id, budget_amount: 300 });
    expect(
      (await c.budgets.list({ org: "octo-org" }).toArray()).map((b) => b.budget_amount),
    ).toContain(300);
    await c.budgets.delete({ org: "octo-org", budget_id: id });
    expect(await c.budgets.list({ org: "octo-org" }).toArray()).toEqual([]);
  });

  it("lists per-user states of the multi-user budget", async () => {
    const c = client();
    const multi = (
      await c.budgets.list({ enterprise: ENT, scope: "multi_user_customer" }).toArray()
    )[0]!;
    const states = await c.budgets
      .userStates({ enterprise: ENT, budget_id: multi.id, per_page: 7 })
      .toArray();
    expect(states.length).toBe(holders(mock.state).length);
    expect(states.some((s) => s.override_budget_id !== undefined)).toBe(true);
  });
});

describe("metrics.spend (mock)", () => {
  it("adds up: the total is the unassigned usage plus every cost center's", async () => {
    clock.now = new Date("2026-03-20T12:00:00Z");
    const c = client();
    const spend = await c.metrics.spend({ enterprise: ENT, year: 2026, month: 3 });
    const unassigned = sum(
      (await c.billing.usage({ enterprise: ENT, year: 2026, month: 3 })).usageItems ?? [],
    );
    const centers = spend.byCostCenter.reduce((total, cc) => total + cc.netAmount, 0);
    expect(spend.total.netAmount).toBeCloseTo(unassigned + centers, 1);
    expect(sum(spend.bySku)).toBeCloseTo(spend.total.netAmount, 1);
    expect(sum(spend.byOrganization)).toBeCloseTo(spend.total.netAmount, 1);
    expect(spend.byModel.length).toBeGreaterThan(1);
    const seatSku = spend.bySku.find((s) => s.unitType === "user-months");
    expect(seatSku?.pricePerUnit).toBeGreaterThan(0);
    const platform = spend.byCostCenter.find((cc) => cc.name === "Platform Engineering");
    const budget = (await c.budgets.list({ enterprise: ENT, scope: "cost_center" }).toArray()).find(
      (b) => b.budget_entity_name === "Platform Engineering",
    );
    expect(budget).toBeDefined();
    expect(platform?.budget).toEqual({
      budget_amount: budget?.budget_amount,
      consumed_amount: platform?.netAmount,
    });
  });
});

/**
 * The spend examples against the mock (fixed clock): the seat audit's Spend section,
 * examples/monthly-chargeback.ts and examples/ai-credit-watch.ts.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { usersOverShare } from "../../examples/ai-credit-watch.js";
import { chargebackCsv } from "../../examples/monthly-chargeback.js";
import { idleSeatPrices, readSpend, renderSpend } from "../../src/cli/audit/spend.js";
import { CopilotClient } from "../../src/index.js";
import { API, clock, useMock } from "../mock/harness.js";

useMock();
const ENT = "octo-enterprise";
const NOW = new Date("2026-03-20T12:00:00Z");
const client = () => new CopilotClient({ auth: "t", baseUrl: API, throttle: false });

describe("seat audit Spend section", () => {
  it("shows credits by model and cost center, top users and budgets near their limit", async () => {
    clock.now = NOW;
    const c = client();
    const section = await readSpend(c, { enterprise: ENT }, NOW, undefined, 1);
    expect(section.notes).toEqual([]);
    const report = await c.billing.aiCreditUsage({ enterprise: ENT, year: 2026, month: 3 });
    const credits = report.usageItems.reduce((n, item) => n + item.grossQuantity, 0);
    expect(section.byModel.reduce((n, m) => n + m.credits, 0)).toBe(credits);
    expect(section.byCostCenter.reduce((n, m) => n + m.credits, 0)).toBe(credits);
    expect(section.topUsers).toHaveLength(10);
    const [first, second] = section.topUsers;
    expect(first!.credits).toBeGreaterThanOrEqual(second!.credits);
    const platform = section.budgetsNearLimit.find((b) => b.name === "Platform Engineering");
    expect(platform!.consumed / platform!.amount).toBeGreaterThanOrEqual(0.75);
    const seatLines = (
      (await c.billing.usage({ enterprise: ENT, year: 2026, month: 3 })).usageItems ?? []
    ).filter((item) => item.unitType === "user-months");
    const prices = Object.fromEntries(
      seatLines.map((item) => [
        /enterprise/i.test(item.sku) ? "enterprise" : "business",
        item.pricePerUnit,
      ]),
    );
    expect(section.seatPrices).toEqual(prices);
    const text = renderSpend(section);
    expect(text).toMatch(/AI credits by model\n {4}\S/);
    expect(text).toMatch(/Top users by AI credits/);
    expect(text).toMatch(/cost center Platform Engineering/);
  });

  it("prices idle seats from the usage report, and labels the list-price fallback", async () => {
    const withSeat = idleSeatPrices({ seatPrices: { business: 17.5, enterprise: 36 } } as never, {
      business: 19,
      enterprise: 39,
    });
    expect(withSeat).toEqual({
      prices: { business: 17.5, enterprise: 36 },
      source: "seat price billed in GitHub's usage report",
    });
    const without = idleSeatPrices({ seatPrices: {} } as never, { business: 19, enterprise: 39 });
    expect(without.prices).toEqual({ business: 19, enterprise: 39 });
    expect(without.source).toMatch(/^list price/);
  });

  it("notes what an organization scope cannot show instead of failing", async () => {
    clock.now = NOW;
    const section = await readSpend(client(), { org: "octo-org" }, NOW);
    expect(section.byModel.length).toBeGreaterThan(0);
    expect(section.topUsers).toEqual([]);
    expect(section.notes.join(" ")).toMatch(/--enterprise/);
  });
});

describe("examples/monthly-chargeback.ts", () => {
  it("has a row per cost center plus the unassigned rest, adding up to the total", async () => {
    clock.now = NOW;
    const spend = await client().metrics.spend({ enterprise: ENT, year: 2026, month: 3 });
    const rows = parse(chargebackCsv(spend), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.cost_center)).toEqual([
      ...spend.byCostCenter.map((cc) => cc.name),
      "(no cost center)",
    ]);
    const net = rows.reduce((total, r) => total + Number(r.net_usd), 0);
    expect(net).toBeCloseTo(spend.total.netAmount, 1);
    const unassigned = await client().billing.usage({ enterprise: ENT, year: 2026, month: 3 });
    const rest = (unassigned.usageItems ?? []).reduce((total, item) => total + item.netAmount, 0);
    expect(Number(rows.at(-1)?.net_usd)).toBeCloseTo(rest, 1);
    expect(rows[0]?.budget_usd).not.toBe("");
  });
});

describe("examples/ai-credit-watch.ts", () => {
  it("reports exactly the users at or over the share of their budget", async () => {
    clock.now = NOW;
    const c = client();
    const { over, checked } = await usersOverShare(c, ENT, 0.8);
    expect(checked).toBeGreaterThan(0);
    expect(over.length).toBeGreaterThan(0);
    for (const o of over) expect(o.consumed / o.budget).toBeGreaterThanOrEqual(0.8);
    const multi = (
      await c.budgets.list({ enterprise: ENT, scope: "multi_user_customer" }).toArray()
    )[0]!;
    const states = await c.budgets.userStates({ enterprise: ENT, budget_id: multi.id }).toArray();
    const expected = states
      .filter(
        (s) => s.override_budget_id === undefined && s.consumed_amount >= 0.8 * s.target_amount,
      )
      .map((s) => s.user);
    const reported = over.filter((o) => o.kind !== "user budget").map((o) => o.user);
    expect(reported.sort()).toEqual(expected.sort());
  });
});

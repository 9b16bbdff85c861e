/**
 * Contract of the mock's billing routes: for several seeds, every billing operation of the
 * spec (usage reports for enterprise, organization and user; exports; cost centers; budgets)
 * is called, with mutations in between, and every success answer is checked against the
 * generated zod schema of its operation and status. Export files must be CSV whose amount
 * columns are numbers.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import type { OperationMeta } from "../../src/core/operation.js";
import { schemaNamed } from "../../src/internal/validation/schemas.js";
import { holders } from "../../src/mock/billing/usage.js";
import { type CopilotMock, createCopilotMock, type MockSeed } from "../../src/mock/index.js";
import { matchPath } from "../../src/mock/router.js";

const API = "https://api.github.com";
const NOW = new Date("2026-03-15T12:00:00Z");
const BILLING = (Object.values(operations) as OperationMeta[]).filter((op) =>
  op.id.startsWith("billing/"),
);

interface Checked {
  operations: Set<string>;
  problems: string[];
}

async function send(
  mock: CopilotMock,
  checked: Checked,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: answers are inspected field by field
): Promise<any> {
  const init: RequestInit = { method, headers: { authorization: "Bearer contract" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await mock.handle(new Request(`${API}${path}`, init));
  const text = (await response?.text()) ?? "";
  const op = BILLING.find(
    (o) => o.method === method && matchPath(o.path, path.split("?")[0]!) !== null,
  );
  if (!op || !response) {
    checked.problems.push(`${method} ${path}: no billing operation or no answer`);
    return undefined;
  }
  if (response.status >= 300) {
    checked.problems.push(`${op.id}: ${response.status} ${text.slice(0, 200)}`);
    return undefined;
  }
  checked.operations.add(op.id);
  const schema = op.responses[response.status];
  if (!schema) {
    checked.problems.push(`${op.id}: status ${response.status} is not documented`);
    return undefined;
  }
  const data = JSON.parse(text);
  const parsed = schemaNamed(schema.schema).safeParse(data);
  if (!parsed.success || !schema.check(data))
    checked.problems.push(
      `${op.id}: ${JSON.stringify(parsed.success ? "refused by the generated check" : parsed.error.issues.slice(0, 3))}`,
    );
  return data;
}

async function exercise(mock: CopilotMock, checked: Checked): Promise<number> {
  const state = mock.state;
  const ent = `/enterprises/${state.enterprise.slug}/settings/billing`;
  const org = [...state.orgs.values()][0]!.login;
  const users = holders(state).map((h) => h.login);
  const accounts = [
    ent,
    `/organizations/${org}/settings/billing`,
    `/users/${users[0]}/settings/billing`,
  ];
  for (const base of accounts) {
    for (const query of ["", "?year=2026&month=3", "?year=2026&month=3&day=2"]) {
      await send(mock, checked, "GET", `${base}/ai_credit/usage${query}`);
      await send(mock, checked, "GET", `${base}/premium_request/usage${query}`);
      await send(mock, checked, "GET", `${base}/usage${query}`);
      await send(mock, checked, "GET", `${base}/usage/summary${query}`);
    }
  }
  await send(
    mock,
    checked,
    "GET",
    `${ent}/ai_credit/usage?user=${users[1]}&model=GPT-5&organization=${org}`,
  );
  const center = await send(mock, checked, "POST", `${ent}/cost-centers`, { name: "Contract" });
  await send(mock, checked, "POST", `${ent}/cost-centers/${center.id}/resource`, {
    users: users.slice(0, 4),
    organizations: [org],
  });
  await send(mock, checked, "DELETE", `${ent}/cost-centers/${center.id}/resource`, {
    users: users.slice(0, 2),
  });
  await send(mock, checked, "PATCH", `${ent}/cost-centers/${center.id}`, { name: "Contract 2" });
  await send(mock, checked, "GET", `${ent}/cost-centers/${center.id}`);
  await send(mock, checked, "GET", `${ent}/usage?year=2026&month=3&cost_center_id=${center.id}`);
  await send(mock, checked, "GET", `${ent}/ai_credit/usage?cost_center_id=${center.id}`);
  await send(mock, checked, "GET", `${ent}/cost-centers?state=active`);
  await send(mock, checked, "DELETE", `${ent}/cost-centers/${center.id}`);
  const listed = await send(mock, checked, "GET", `${ent}/budgets?per_page=2&page=2`);
  await send(mock, checked, "GET", `${ent}/budgets?user=${users[0]}`);
  const multi = (await send(mock, checked, "GET", `${ent}/budgets?scope=multi_user_customer`))
    .budgets[0];
  await send(
    mock,
    checked,
    "GET",
    `${ent}/budgets/${multi.id}/user-states?per_page=5&sort_order=1`,
  );
  await send(mock, checked, "GET", `${ent}/budgets/${listed.budgets[0].id}`);
  const body = {
    budget_scope: "organization",
    budget_entity_name: org,
    budget_type: "ProductPricing",
    budget_product_sku: "copilot",
    budget_amount: 100,
    prevent_further_usage: true,
    budget_alerting: { will_alert: true, alert_recipients: ["mona"] },
  };
  for (const base of [ent, `/organizations/${org}/settings/billing`]) {
    const created = await send(mock, checked, "POST", `${base}/budgets`, body);
    await send(mock, checked, "PATCH", `${base}/budgets/${created.budget.id}`, {
      budget_amount: 120,
    });
    await send(mock, checked, "GET", `${base}/budgets/${created.budget.id}`);
    await send(mock, checked, "GET", `${base}/budgets`);
    await send(mock, checked, "DELETE", `${base}/budgets/${created.budget.id}`);
  }
  let rows = 0;
  for (const report_type of ["detailed", "summarized", "premium_request", "ai_credit"]) {
    const exp = await send(mock, checked, "POST", `${ent}/reports`, {
      report_type,
      start_date: "2026-02-20",
      end_date: "2026-03-10",
    });
    let done = exp;
    for (let poll = 0; poll < 5 && done.status !== "completed"; poll++)
      done = await send(mock, checked, "GET", `${ent}/reports/${exp.id}`);
    for (const url of done.download_urls ?? []) {
      const file = await mock.handle(new Request(url));
      const records = parse(await file!.text(), { columns: true }) as Record<string, string>[];
      for (const record of records) {
        rows++;
        for (const column of ["quantity", "gross_amount", "discount_amount", "net_amount"]) {
          if (!Number.isFinite(Number(record[column])))
            checked.problems.push(`${report_type} export: ${column} = ${record[column]}`);
        }
      }
    }
  }
  await send(mock, checked, "GET", `${ent}/reports`);
  return rows;
}

const SEEDS: MockSeed[] = [
  { random: 1, orgs: ["octo-org"], seats: 40 },
  { random: 2, orgs: ["octo-org", "octo-labs", "octo-ops"], seats: 90 },
  { random: 3, orgs: ["acme"], seats: 7, seatManagementSetting: "assign_all" },
];

describe("billing routes against the spec's schemas", () => {
  for (const seed of SEEDS) {
    it(`answers every billing operation within its schema for seed ${seed.random}`, async () => {
      const mock = createCopilotMock({ now: () => NOW, seed });
      const checked: Checked = { operations: new Set(), problems: [] };
      const rows = await exercise(mock, checked);
      expect(checked.problems).toEqual([]);
      expect([...checked.operations].sort()).toEqual(BILLING.map((op) => op.id).sort());
      expect(BILLING).toHaveLength(33);
      expect(rows).toBeGreaterThan(0);
    }, 60_000);
  }
});

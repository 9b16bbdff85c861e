/**
 * CSV files of the mock's usage-report exports, one file per month of the export's range,
 * with the columns of GitHub's billing usage reports for each `report_type`.
 */
import type { MockState } from "../types.js";
import type { MockExport } from "./state.js";
import { cents, creditRows, monthRange, PRODUCT, SKUS, seatRows } from "./usage.js";

/** Path prefix of export files on the download origin. */
export const EXPORTS_PREFIX = "/billing-exports";

/** The months (`{ year, month }`) an export covers, in order. */
export function exportMonths(exp: MockExport): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let year = Number(exp.start_date.slice(0, 4));
  let month = Number(exp.start_date.slice(5, 7));
  const endKey = exp.end_date.slice(0, 7);
  while (`${year}-${String(month).padStart(2, "0")}` <= endKey && months.length < 36) {
    months.push({ year, month });
    month += 1;
    if (month === 13) {
      year += 1;
      month = 1;
    }
  }
  return months;
}

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: (string | number)[]) => `${values.map(cell).join(",")}\n`;

/** The CSV text of part `part` (1-based month index) of an export. */
export function exportFile(
  state: MockState,
  exp: MockExport,
  part: number,
  now: Date,
): string | null {
  const period = exportMonths(exp)[part - 1];
  if (!period) return null;
  const { first, last } = monthRange(period.year, period.month);
  // `YYYY-MM-DD` strings sort as dates: the later start and the earlier end.
  const from = [first, exp.start_date].sort()[1] as string;
  const to = [last, exp.end_date].sort()[0] as string;
  const credits = creditRows(state, from, to, now);
  const org = (name: string | null) => name ?? state.enterprise.name;
  if (exp.report_type === "ai_credit" || exp.report_type === "premium_request") {
    const sku = exp.report_type === "ai_credit" ? SKUS.aiCredits : SKUS.premiumRequests;
    const qty = (n: number) => (exp.report_type === "ai_credit" ? n : Math.ceil(n / 25));
    let text = line([
      "date",
      "username",
      "organization",
      "cost_center_name",
      "product",
      "sku",
      "model",
      "unit_type",
      "applied_cost_per_quantity",
      "quantity",
      "gross_amount",
      "discount_amount",
      "net_amount",
    ]);
    for (const r of credits) {
      const quantity = qty(r.credits);
      const discount = Math.min(qty(r.discountCredits), quantity);
      text += line([
        r.day,
        r.login,
        org(r.org),
        r.costCenter?.name ?? "",
        PRODUCT,
        sku.sku,
        r.model,
        sku.unitType,
        sku.price,
        quantity,
        cents(quantity * sku.price),
        cents(discount * sku.price),
        cents((quantity - discount) * sku.price),
      ]);
    }
    return text;
  }
  const header = [
    "date",
    "product",
    "sku",
    "quantity",
    "unit_type",
    "applied_cost_per_quantity",
    "gross_amount",
    "discount_amount",
    "net_amount",
    "username",
    "organization",
    "repository",
    "cost_center_name",
  ];
  const rows: {
    date: string;
    sku: (typeof SKUS)[keyof typeof SKUS];
    user: string;
    org: string;
    cc: string;
    q: number;
    d: number;
  }[] = [];
  if (from === first) {
    for (const s of seatRows(state, period.year, period.month, now)) {
      rows.push({
        date: s.month,
        sku: s.plan === "business" ? SKUS.business : SKUS.enterprise,
        user: s.login,
        org: org(s.org),
        cc: s.costCenter?.name ?? "",
        q: 1,
        d: 0,
      });
    }
  }
  for (const r of credits) {
    rows.push({
      date: r.day,
      sku: SKUS.aiCredits,
      user: r.login,
      org: org(r.org),
      cc: r.costCenter?.name ?? "",
      q: r.credits,
      d: r.discountCredits,
    });
  }
  const summarized = exp.report_type === "summarized";
  const grouped = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = summarized
      ? `${row.date}|${row.sku.sku}|${row.org}|${row.cc}`
      : `${row.date}|${row.sku.sku}|${row.user}`;
    const entry = grouped.get(key);
    if (entry) {
      entry.q += row.q;
      entry.d += row.d;
    } else grouped.set(key, { ...row, user: summarized ? "" : row.user });
  }
  let text = line(header);
  for (const r of grouped.values()) {
    text += line([
      r.date,
      PRODUCT,
      r.sku.sku,
      r.q,
      r.sku.unitType,
      r.sku.price,
      cents(r.q * r.sku.price),
      cents(r.d * r.sku.price),
      cents((r.q - r.d) * r.sku.price),
      r.user,
      r.org,
      "",
      r.cc,
    ]);
  }
  return text;
}

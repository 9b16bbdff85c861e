/** Renders an {@link AuditReport} as the terminal report. */
import type { AuditReport } from "./audit.js";

const BARS = "▁▂▃▄▅▆▇█";

/** A one-line chart of `values` (`▁` lowest … `█` highest). */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return "";
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  return values
    .map(
      (v) =>
        BARS[span === 0 ? BARS.length - 1 : Math.round(((v - min) / span) * (BARS.length - 1))],
    )
    .join("");
}

const pct = (part: number, whole: number) =>
  whole === 0 ? "  -  " : `${((part / whole) * 100).toFixed(1).padStart(5)}%`;
const usd = (n: number) => `$${n.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;

/** The report as text, one section per question. */
export function renderReport(report: AuditReport): string {
  const out: string[] = [];
  const line = (text = "") => out.push(text);
  const heading = (text: string) => {
    line();
    line(text);
    line("─".repeat(text.length));
  };

  line(
    `Copilot seat audit — ${report.scope.kind} ${report.scope.name}, as of ${report.asOf.slice(0, 16).replace("T", " ")} UTC`,
  );

  heading("Billing and policy");
  for (const org of report.orgs) {
    if (!org.billing) {
      line(`  ${org.org}: billing unavailable (${org.error})`);
      continue;
    }
    const b = org.billing;
    const breakdown = b.seat_breakdown;
    line(
      `  ${org.org.padEnd(16)} plan ${String(b.plan_type ?? "?").padEnd(10)} seats ${String(breakdown.total ?? 0).padStart(5)}  ` +
        `policy ${b.seat_management_setting}  public code ${b.public_code_suggestions}  IDE chat ${b.ide_chat ?? "?"}  CLI ${b.cli ?? "?"}`,
    );
  }

  const s = report.seats;
  heading(`Seat utilization (inactive = no activity for more than ${report.inactiveDays} days)`);
  const rows: [string, number][] = [
    [`active in the last ${report.inactiveDays} days`, s.active],
    ["inactive", s.inactive],
    ["never used, still in grace", s.grace],
    ["never used (any age)", s.neverUsed],
    ["pending cancellation", s.pendingCancellation],
    ["held through a team", s.teamAssigned],
    ["no assignee", s.noAssignee],
  ];
  line(`  ${"seats".padEnd(30)} ${String(s.total).padStart(6)}`);
  for (const [label, n] of rows)
    line(`  ${label.padEnd(30)} ${String(n).padStart(6)}  ${pct(n, s.total)}`);

  const spend = report.idleSpend;
  heading("Estimated monthly spend on idle seats");
  line(
    `  ${spend.seats} inactive seats × ${spend.priceSource} (Business ${usd(spend.prices.business)}, Enterprise ${usd(spend.prices.enterprise)}) = ${usd(spend.monthlyUsd)} / month` +
      `  (${
        Object.entries(spend.byPlan)
          .map(([plan, n]) => `${n} ${plan}`)
          .join(", ") || "none"
      })`,
  );

  heading("Top editors (last activity)");
  for (const { editor, seats } of report.topEditors)
    line(`  ${editor.padEnd(20)} ${String(seats).padStart(6)}  ${pct(seats, s.total)}`);

  heading("Daily active users, latest 28-day report");
  const a = report.activity;
  if (a.error) line(`  unavailable: ${a.error}`);
  else if (a.days.length === 0) line("  no data yet");
  else {
    const values = a.days.map((d) => d.dailyActiveUsers);
    line(`  ${a.days[0]?.day} ${sparkline(values)} ${a.days[a.days.length - 1]?.day}`);
    line(
      `  min ${Math.min(...values)}, max ${Math.max(...values)}, last ${values[values.length - 1]} users/day; code acceptance rate ${a.acceptanceRate === null ? "n/a" : `${(a.acceptanceRate * 100).toFixed(1)}%`}`,
    );
  }

  heading("Reclaim plan (directly assigned inactive seats, batches of at most 100)");
  for (const r of report.reclaim) {
    if (!r.plan) {
      line(`  ${r.org}: refused — ${r.refused}`);
      continue;
    }
    const p = r.plan;
    const skipped = `skipped: ${p.skipped.teamAssigned.length} team-held, ${p.skipped.pendingCancellation.length} pending, ${p.skipped.noAssignee.length} without assignee`;
    line(
      `  ${r.org}: ${p.batches.flatMap((b) => b.selected_usernames).length} seats in ${p.batches.length} batch(es)${p.dryRun ? " — dry run, nothing sent" : ""}; ${skipped}`,
    );
    p.batches.forEach(({ selected_usernames: batch, target }, i) => {
      const result = p.results?.[i];
      const owner = "org" in target ? target.org : `enterprise ${target.enterprise}`;
      const preview =
        batch.slice(0, 4).join(", ") + (batch.length > 4 ? `, … (+${batch.length - 4})` : "");
      line(
        `    batch ${i + 1}: ${String(batch.length).padStart(3)} of ${owner} — ${preview}${result ? `  → ${result.status}, ${result.count ?? "unknown"} cancelled` : ""}`,
      );
    });
  }
  if (report.reclaim.some((r) => r.plan?.dryRun)) {
    line();
    line(
      "  Run `copilot-admin reclaim --apply` to cancel these seats (they stay usable until the end of the billing cycle).",
    );
  }
  return out.join("\n");
}

/**
 * The seat audit of `copilot-admin audit`: reads billing, seats and the latest 28-day metrics
 * through the SDK and plans the reclaim of idle seats (a dry run: `copilot-admin reclaim
 * --apply` cancels). Data in, report out; rendering is in render.ts.
 */
import {
  acceptanceRate,
  type CopilotClient,
  CopilotError,
  dedupeSeats,
  findInactive,
  type OrganizationBilling,
  type ReclaimResult,
  type Seat,
} from "../../index.js";

/** Where to look, and how. */
export interface AuditInput {
  scope: { org: string } | { enterprise: string };
  inactiveDays: number;
  prices: { business: number; enterprise: number };
  /** Where `prices` come from, as printed (default "list price"). */
  priceSource?: string;
  now: Date;
  /** Progress lines (the entry point shows them on a TTY only). */
  progress?: (message: string) => void;
}

/** Policy and seat breakdown of one organization. */
export interface OrgSummary {
  org: string;
  billing?: OrganizationBilling;
  /** Why billing could not be read. */
  error?: string;
}

/** The reclaim of an organization (or of the whole enterprise): the plan, its results, or why it was refused. */
export interface OrgReclaim {
  /** The organization's login, or `enterprise <slug>`. */
  org: string;
  plan?: ReclaimResult<Seat>;
  refused?: string;
}

/** Everything the audit prints. */
export interface AuditReport {
  scope: { kind: "organization" | "enterprise"; name: string };
  asOf: string;
  inactiveDays: number;
  orgs: OrgSummary[];
  seats: {
    total: number;
    active: number;
    inactive: number;
    grace: number;
    neverUsed: number;
    pendingCancellation: number;
    teamAssigned: number;
    noAssignee: number;
  };
  idleSpend: {
    seats: number;
    monthlyUsd: number;
    byPlan: Record<string, number>;
    prices: { business: number; enterprise: number };
    priceSource: string;
  };
  topEditors: { editor: string; seats: number }[];
  activity: {
    days: { day: string; dailyActiveUsers: number }[];
    acceptanceRate: number | null;
    error?: string;
  };
  reclaim: OrgReclaim[];
}

/** The IDE part of `last_activity_editor` (`vscode/1.96.2/copilot-chat/0.23.2` → `vscode`). */
export function editorOf(editor: string | null | undefined): string {
  const name = editor?.split("/")[0]?.trim();
  return name ? name : "(none)";
}

async function listSeats(client: CopilotClient, input: AuditInput): Promise<Seat[]> {
  const pages =
    "org" in input.scope
      ? client.seats.list({ org: input.scope.org }).pages()
      : client.seats.listForEnterprise({ enterprise: input.scope.enterprise }).pages();
  const seats: Seat[] = [];
  for await (const page of pages) {
    seats.push(...page.items);
    input.progress?.(
      `listing seats: ${seats.length}${page.total === undefined ? "" : ` / ${page.total}`}`,
    );
  }
  return seats;
}

function messageOf(error: unknown): string {
  return error instanceof CopilotError
    ? `${error.message}${error.hint ? ` — ${error.hint}` : ""}`
    : String(error);
}

/** The report, and the inactive seats themselves (the rows of `audit --csv`). */
export interface AuditResult {
  report: AuditReport;
  inactive: Seat[];
}

/** Runs the audit. @throws the SDK's errors for the seat listing (the rest is reported per section). */
export async function runAudit(client: CopilotClient, input: AuditInput): Promise<AuditResult> {
  const rows = await listSeats(client, input);
  const seats = "org" in input.scope ? rows : dedupeSeats(rows);
  const orgNames =
    "org" in input.scope
      ? [input.scope.org]
      : [
          ...new Set(rows.map((s) => s.organization?.login).filter((o): o is string => Boolean(o))),
        ].sort();

  // The pure helper behind seats.findInactive, on the seats already listed (an enterprise's deduplicated).
  const buckets = findInactive(seats, { days: input.inactiveDays, now: input.now });

  input.progress?.("reading billing");
  const orgs: OrgSummary[] = [];
  for (const org of orgNames) {
    try {
      orgs.push({ org, billing: await client.billing.get({ org }) });
    } catch (error) {
      orgs.push({ org, error: messageOf(error) });
    }
  }

  const inactive = buckets.inactive;
  const byPlan: Record<string, number> = {};
  for (const seat of inactive) {
    const plan = seat.plan_type === "enterprise" ? "enterprise" : "business";
    byPlan[plan] = (byPlan[plan] ?? 0) + 1;
  }
  const monthlyUsd =
    (byPlan.business ?? 0) * input.prices.business +
    (byPlan.enterprise ?? 0) * input.prices.enterprise;

  const editors = new Map<string, number>();
  for (const seat of seats) {
    const editor = editorOf(seat.last_activity_editor);
    editors.set(editor, (editors.get(editor) ?? 0) + 1);
  }
  const topEditors = [...editors]
    .map(([editor, n]) => ({ editor, seats: n }))
    .sort((a, b) => b.seats - a.seats || a.editor.localeCompare(b.editor))
    .slice(0, 5);

  input.progress?.("downloading the latest 28-day report");
  const activity: AuditReport["activity"] = { days: [], acceptanceRate: null };
  try {
    const days = await client.metrics.days(input.scope).toArray();
    activity.days = days.map((d) => ({ day: d.day, dailyActiveUsers: d.daily_active_users ?? 0 }));
    activity.acceptanceRate = acceptanceRate(days);
  } catch (error) {
    activity.error = messageOf(error);
  }

  // An enterprise is reclaimed as a whole: idle is decided per user (billed once), and each
  // seat goes to the call that owns it (an organization's, or the enterprise's own).
  const reclaim: OrgReclaim[] = [];
  const reclaimScopes =
    "org" in input.scope
      ? [{ name: input.scope.org, scope: { org: input.scope.org } }]
      : [
          {
            name: `enterprise ${input.scope.enterprise}`,
            scope: { enterprise: input.scope.enterprise },
          },
        ];
  for (const { name, scope } of reclaimScopes) {
    input.progress?.(`planning the reclaim in ${name}`);
    try {
      reclaim.push({
        org: name,
        plan: await client.seats.reclaim({
          ...scope,
          days: input.inactiveDays,
          now: input.now,
          dryRun: true,
        }),
      });
    } catch (error) {
      reclaim.push({ org: name, refused: messageOf(error) });
    }
  }

  const report: AuditReport = {
    scope:
      "org" in input.scope
        ? { kind: "organization", name: input.scope.org }
        : { kind: "enterprise", name: input.scope.enterprise },
    asOf: input.now.toISOString(),
    inactiveDays: input.inactiveDays,
    orgs,
    seats: {
      total: seats.length,
      active: buckets.active.length,
      inactive: inactive.length,
      grace: buckets.grace.length,
      neverUsed: buckets.neverUsed.length,
      pendingCancellation: buckets.pendingCancellation.length,
      teamAssigned: buckets.teamAssigned.length,
      noAssignee: buckets.noAssignee.length,
    },
    idleSpend: {
      seats: inactive.length,
      monthlyUsd,
      byPlan,
      prices: input.prices,
      priceSource: input.priceSource ?? "list price",
    },
    topEditors,
    activity,
    reclaim,
  };
  return { report, inactive };
}

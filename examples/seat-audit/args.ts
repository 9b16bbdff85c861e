/** Command-line options of the seat-audit demo. */
import { parseArgs } from "node:util";

/** What the audit was asked to do. */
export interface AuditArgs {
  org: string | undefined;
  enterprise: string | undefined;
  baseUrl: string | undefined;
  /** Seats idle for more than this many days are inactive. */
  inactiveDays: number;
  /** Monthly list prices per seat, USD. */
  prices: { business: number; enterprise: number };
  /** Cancel the planned seats (default: dry run). */
  apply: boolean;
  json: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run demo -- [options]

Without GITHUB_TOKEN the audit runs against an embedded mock of GitHub
(an enterprise with 3 organizations and about 5 000 seats).

  --org NAME               audit one organization (needs GITHUB_TOKEN)
  --enterprise NAME        audit an enterprise (needs GITHUB_TOKEN)
  --base-url URL           API root (default https://api.github.com; GHE.com: https://api.SUB.ghe.com)
  --inactive-days N        idle threshold in days (default 30)
  --price-business USD     monthly price of a Business seat (default 19)
  --price-enterprise USD   monthly price of an Enterprise seat (default 39)
  --apply                  cancel the planned seats (default: dry run, read-only)
  --json                   print one JSON document instead of the report
  -h, --help               this text
`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return value;
}

/** Parses `argv` (without node and script). @throws Error with a readable message for bad options. */
export function parseAuditArgs(argv: string[]): AuditArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      org: { type: "string" },
      enterprise: { type: "string" },
      "base-url": { type: "string" },
      "inactive-days": { type: "string" },
      "price-business": { type: "string" },
      "price-enterprise": { type: "string" },
      apply: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.org && values.enterprise) throw new Error("give --org or --enterprise, not both");
  const inactiveDays = positive("inactive-days", values["inactive-days"], 30);
  if (!Number.isInteger(inactiveDays))
    throw new Error("--inactive-days must be a whole number of days");
  return {
    org: values.org,
    enterprise: values.enterprise,
    baseUrl: values["base-url"],
    inactiveDays,
    prices: {
      business: positive("price-business", values["price-business"], 19),
      enterprise: positive("price-enterprise", values["price-enterprise"], 39),
    },
    apply: values.apply ?? false,
    json: values.json ?? false,
    help: values.help ?? false,
  };
}

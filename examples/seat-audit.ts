/**
 * Seat audit: what Copilot costs, who uses it, and which idle seats to reclaim.
 *
 *   npm run demo                                  # against an embedded mock of GitHub
 *   GITHUB_TOKEN=… npm run demo -- --org octo-org  # against GitHub, read-only
 *   GITHUB_TOKEN=… npm run demo -- --org octo-org --apply
 *
 * See `npm run demo -- --help`.
 */
import { CopilotClient } from "../src/index.js";
import { startMockServer } from "../src/mock/index.js";
import { parseAuditArgs, USAGE } from "./seat-audit/args.js";
import { runAudit } from "./seat-audit/audit.js";
import { renderReport } from "./seat-audit/render.js";
import { idleSeatPrices, readSpend, renderSpend } from "./seat-audit/spend.js";
import { run } from "./shared/client.js";

/** The embedded mock: an enterprise with 3 organizations of about 1 700 seats each. */
const DEMO_SEED = {
  enterprise: "octo-enterprise",
  orgs: ["octo-org", "octo-labs", "octo-ops"],
  seats: 1_700,
  teams: 12,
  random: 42,
};

async function main(): Promise<void> {
  const args = parseAuditArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const tty = process.stderr.isTTY === true && !args.json;
  const progress = tty
    ? (message: string) => process.stderr.write(`\r\x1b[2K${message}`)
    : undefined;
  const token = process.env.GITHUB_TOKEN;
  let mock: Awaited<ReturnType<typeof startMockServer>> | undefined;
  let client: CopilotClient;
  let scope: { org: string } | { enterprise: string };

  if (token) {
    if (!args.org && !args.enterprise)
      throw new Error("with GITHUB_TOKEN, pass --org NAME or --enterprise NAME");
    client = new CopilotClient({ auth: token, ...(args.baseUrl ? { baseUrl: args.baseUrl } : {}) });
    scope = args.org ? { org: args.org } : { enterprise: args.enterprise as string };
  } else {
    mock = await startMockServer({ seed: DEMO_SEED });
    if (!args.json) {
      console.log(
        `No GITHUB_TOKEN: auditing an embedded mock of GitHub at ${mock.url} (${DEMO_SEED.orgs.length} organizations, ~${DEMO_SEED.seats * DEMO_SEED.orgs.length} seats).`,
      );
      console.log("Set GITHUB_TOKEN and pass --org or --enterprise to audit your own.\n");
    }
    // The mock answers at once: no client-side throttling needed against it.
    client = new CopilotClient({ auth: mock.token, baseUrl: mock.url, throttle: false });
    scope = args.org ? { org: args.org } : { enterprise: args.enterprise ?? DEMO_SEED.enterprise };
  }

  const started = performance.now();
  try {
    const now = new Date();
    const spend = await readSpend(client, scope, now, progress);
    const seatPrices = idleSeatPrices(spend, args.prices);
    const report = await runAudit(client, {
      scope,
      inactiveDays: args.inactiveDays,
      prices: seatPrices.prices,
      priceSource: seatPrices.source,
      apply: args.apply,
      now,
      ...(progress ? { progress } : {}),
    });
    if (tty) process.stderr.write("\r\x1b[2K");
    console.log(
      args.json
        ? JSON.stringify({ ...report, spend }, null, 2)
        : `${renderReport(report)}\n${renderSpend(spend)}`,
    );
    if (!args.json)
      console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await mock?.close();
  }
}

run(main);

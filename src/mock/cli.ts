#!/usr/bin/env node
/**
 * `copilot-mock`: serves the Copilot API mock on 127.0.0.1 and prints the base URL and a token
 * to use (e.g. `GITHUB_API_URL=<url> GITHUB_TOKEN=<token> your-tool`), with the seed, latency,
 * seat policy and faults given as flags, and the control API of control.ts for test suites in
 * any language. msw (an optional peer dependency) is loaded only to serve; without it the
 * command says in one line how to install it.
 */
import { parseArgs } from "node:util";
import type { MockFault } from "./faults.js";
import { DEFAULT_SEED } from "./seed.js";
import type { MockSeed, SeatManagementSetting } from "./types.js";

const POLICIES: readonly SeatManagementSetting[] = [
  "assign_all",
  "assign_selected",
  "disabled",
  "unconfigured",
];

/** `copilot-mock --help`. */
export const USAGE = `Usage: copilot-mock [options]

Serves a stateful mock of GitHub's Copilot REST API on 127.0.0.1 (needs msw installed).

Options:
  --port N            API port (default: a free one)
  --seed N            random seed of the generated data (default ${DEFAULT_SEED.random})
  --seats N           seats per organization (default ${DEFAULT_SEED.seats})
  --orgs a,b,c        organization logins (default ${DEFAULT_SEED.orgs.join(",")})
  --enterprise SLUG   enterprise slug (default ${DEFAULT_SEED.enterprise})
  --policy SETTING    seat_management_setting of every organization:
                      ${POLICIES.join(", ")} (default ${DEFAULT_SEED.seatManagementSetting})
  --latency MS        delay before every answer, in ms (default 0)
  --fault JSON        queue a fault, as POST /_mock/faults takes it; repeatable, e.g.
                      '{"status":502,"match":{"operation":"copilot/cancel-copilot-seat-assignment-for-users"}}'
  -h, --help          this text

Control API (under the base URL):
  GET /_mock/state      organizations, seat counts and policies, faults still queued
  POST /_mock/faults    queue a fault or an array of faults (status, headers, body, retryAfter,
                        drop, malformedJson, target, match: { method, path, operation })
  DELETE /_mock/faults  clear faults and latency
  GET /_mock/requests   the requests received (authorization redacted)
  POST /_mock/reset     regenerate the data, clear requests and faults
`;

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a non-negative integer`);
  return Number(text);
}

function fault(text: string): MockFault {
  try {
    return JSON.parse(text) as MockFault;
  } catch {
    throw new Error(`--fault takes JSON, e.g. '{"status":503}'; got ${text}`);
  }
}

/** Loads the server (and msw with it). @throws Error in one line when msw is not installed. */
async function loadServer(): Promise<typeof import("./server.js")> {
  try {
    return await import("./server.js");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" && /['"]msw['"]/.test(String(error)))
      throw new Error("copilot-mock needs msw: npm install --save-dev msw");
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      seats: { type: "string" },
      orgs: { type: "string" },
      enterprise: { type: "string" },
      policy: { type: "string" },
      latency: { type: "string" },
      fault: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const seed: MockSeed = {};
  const random = integer("seed", values.seed);
  const seats = integer("seats", values.seats);
  const latency = integer("latency", values.latency);
  if (random !== undefined) seed.random = random;
  if (seats !== undefined) seed.seats = seats;
  if (values.orgs) seed.orgs = values.orgs.split(",").filter(Boolean);
  if (values.enterprise) seed.enterprise = values.enterprise;
  if (values.policy !== undefined) {
    if (!POLICIES.includes(values.policy as SeatManagementSetting))
      throw new Error(`--policy must be one of ${POLICIES.join(", ")}`);
    seed.seatManagementSetting = values.policy as SeatManagementSetting;
  }
  const faults = (values.fault ?? []).map(fault);
  const { startMockServer } = await loadServer();
  const server = await startMockServer({ port: integer("port", values.port) ?? 0, seed });
  try {
    server.mock.faults.next(...faults);
  } catch (error) {
    await server.close();
    throw error;
  }
  if (latency) server.mock.faults.setLatency(latency);
  const state = server.mock.state;
  process.stdout.write(
    [
      "Copilot API mock listening on 127.0.0.1",
      `  base URL:    ${server.url}`,
      `  token:       ${server.token}`,
      `  downloads:   ${server.downloadUrl}`,
      `  control:     ${server.url}/_mock/state`,
      `  enterprise:  ${state.enterprise.slug}`,
      `  orgs:        ${[...state.orgs.values()].map((org) => `${org.login} (${org.seats.length} seats, ${org.seatManagementSetting})`).join(", ")}`,
      ...(latency ? [`  latency:     ${latency} ms`] : []),
      ...(faults.length ? [`  faults:      ${faults.length} queued`] : []),
      "",
    ].join("\n"),
  );
  const shutdown = () => {
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((cause: unknown) => {
  process.stderr.write(
    `copilot-mock: ${cause instanceof Error ? cause.message : String(cause)}\nRun copilot-mock --help for the options.\n`,
  );
  process.exit(1);
});

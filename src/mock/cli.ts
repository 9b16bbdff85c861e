#!/usr/bin/env node
/**
 * `copilot-mock [--port N] [--seed N] [--seats N] [--orgs a,b,c]`: serves the
 * Copilot API mock on 127.0.0.1 and prints the base URL and a token to use,
 * e.g. `GITHUB_API_URL=<url> GITHUB_TOKEN=<token> your-tool`.
 */
import { parseArgs } from "node:util";
import { startMockServer } from "./server.js";
import type { MockSeed } from "./types.js";

const USAGE =
  "usage: copilot-mock [--port N] [--seed N] [--seats N] [--orgs a,b,c] [--enterprise slug]";

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a non-negative integer\n${USAGE}`);
  return Number(text);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      seats: { type: "string" },
      orgs: { type: "string" },
      enterprise: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seed: MockSeed = {};
  const random = integer("seed", values.seed);
  const seats = integer("seats", values.seats);
  if (random !== undefined) seed.random = random;
  if (seats !== undefined) seed.seats = seats;
  if (values.orgs) seed.orgs = values.orgs.split(",").filter(Boolean);
  if (values.enterprise) seed.enterprise = values.enterprise;
  const server = await startMockServer({ port: integer("port", values.port) ?? 0, seed });
  const state = server.mock.state;
  process.stdout.write(
    [
      "Copilot API mock listening on 127.0.0.1",
      `  base URL:    ${server.url}`,
      `  token:       ${server.token}`,
      `  downloads:   ${server.downloadUrl}`,
      `  enterprise:  ${state.enterprise.slug}`,
      `  orgs:        ${[...state.orgs.values()].map((org) => `${org.login} (${org.seats.length} seats)`).join(", ")}`,
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
  process.stderr.write(`${cause instanceof Error ? cause.message : String(cause)}\n`);
  process.exit(1);
});

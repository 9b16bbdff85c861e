/**
 * The client a `copilot-admin` command works with: GitHub (or GHE.com, or any server given by
 * `--base-url`) with `GITHUB_TOKEN`, or, with `--demo`, an embedded mock of GitHub on
 * 127.0.0.1 (needs the optional peer `msw`, loaded only then).
 */
import { readFileSync } from "node:fs";
import { CopilotClient, type GitHubAppAuth, githubApp } from "../index.js";
import type { CliIO } from "./output.js";
import { UsageError } from "./usage.js";

/** The options every command takes. */
export interface ScopeOptions {
  org?: string;
  enterprise?: string;
  baseUrl?: string;
  demo?: boolean;
}

/** A connected command: its client, the scope it works on, and a `close` for the demo mock. */
export interface Connection {
  client: CopilotClient;
  scope: { org: string } | { enterprise: string };
  /** Set with `--demo`: the seed's organizations and the mock's URL. */
  demo?: { url: string; orgs: string[]; seats: number };
  close(): Promise<void>;
}

/** The embedded demo: an enterprise with 3 organizations of about 1 700 seats each. */
export const DEMO_SEED = {
  enterprise: "octo-enterprise",
  orgs: ["octo-org", "octo-labs", "octo-ops"],
  seats: 1_700,
  teams: 12,
  random: 42,
};

/** `{ org }` or `{ enterprise }` from the options. @throws UsageError for both or neither. */
export function scopeOf(options: ScopeOptions): { org: string } | { enterprise: string } {
  if (options.org && options.enterprise)
    throw new UsageError("give --org or --enterprise, not both");
  if (options.org) return { org: options.org };
  if (options.enterprise) return { enterprise: options.enterprise };
  throw new UsageError("pass --org NAME or --enterprise NAME");
}

/**
 * The credentials from the environment: `GITHUB_TOKEN`, else a GitHub App
 * (`GITHUB_APP_ID`, `GITHUB_APP_PRIVATE_KEY` — the PEM itself or a path to it — and optionally
 * `GITHUB_APP_INSTALLATION_ID`; without it the installation of the `--org` / `--enterprise`).
 *
 * @throws UsageError when neither is set, or an App variable is missing.
 */
export function authOf(
  env: Record<string, string | undefined>,
  scope: { org: string } | { enterprise: string },
): string | GitHubAppAuth {
  if (env.GITHUB_TOKEN) return env.GITHUB_TOKEN;
  const appId = env.GITHUB_APP_ID;
  const key = env.GITHUB_APP_PRIVATE_KEY;
  if (!appId && !key)
    throw new UsageError(
      "set GITHUB_TOKEN to a token with manage_billing:copilot (or read:org / read:enterprise for reads), or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY, or pass --demo",
    );
  if (!appId || !key)
    throw new UsageError("a GitHub App needs both GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY");
  const privateKey = key.includes("-----BEGIN") ? key : readFileSync(key, "utf8");
  const installationId = env.GITHUB_APP_INSTALLATION_ID;
  return githubApp({
    appId: Number(appId),
    privateKey,
    ...(installationId ? { installationId: Number(installationId) } : scope),
  });
}

/** Loads the mock kit, or says in one line how to install msw. */
async function loadMock(): Promise<typeof import("../mock/server.js")> {
  try {
    return await import("../mock/server.js");
  } catch (error) {
    if (
      (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" &&
      String(error).includes("msw")
    )
      throw new UsageError("--demo needs msw: npm install --save-dev msw");
    throw error;
  }
}

/**
 * Connects as the options and environment say: `GITHUB_TOKEN` (required unless `--demo`),
 * `--base-url` or `GITHUB_API_URL` (default `https://api.github.com`).
 *
 * @throws UsageError without a token, or without `--org`/`--enterprise` (outside `--demo`).
 */
export async function connect(options: ScopeOptions, io: CliIO): Promise<Connection> {
  if (options.demo) {
    const { startMockServer } = await loadMock();
    const mock = await startMockServer({ seed: DEMO_SEED });
    // The mock answers at once: no client-side throttling needed against it.
    const client = new CopilotClient({ auth: mock.token, baseUrl: mock.url, throttle: false });
    const scope =
      options.org || options.enterprise ? scopeOf(options) : { enterprise: DEMO_SEED.enterprise };
    return {
      client,
      scope,
      demo: { url: mock.url, orgs: DEMO_SEED.orgs, seats: DEMO_SEED.seats },
      close: () => mock.close(),
    };
  }
  const scope = scopeOf(options);
  const baseUrl = options.baseUrl ?? io.env.GITHUB_API_URL;
  const client = new CopilotClient({
    auth: authOf(io.env, scope),
    ...(baseUrl ? { baseUrl } : {}),
  });
  return { client, scope, close: async () => {} };
}

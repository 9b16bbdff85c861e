/**
 * The boilerplate every example shares: a client for GitHub when `GITHUB_TOKEN` is set,
 * otherwise one for an embedded mock of GitHub on 127.0.0.1, and an error printer.
 *
 * Environment: `GITHUB_TOKEN` (a token, see the main README for scopes), `GITHUB_API_URL`
 * (default `https://api.github.com`; `https://api.SUBDOMAIN.ghe.com` for GHE.com).
 */
import { type ClientOptions, CopilotClient, CopilotError } from "../../src/index.js";
import { type MockSeed, type MockServer, startMockServer } from "../../src/mock/index.js";

/** The embedded mock: one enterprise, two organizations of 1 200 seats each. */
export const EXAMPLE_SEED: MockSeed = {
  enterprise: "octo-enterprise",
  orgs: ["octo-org", "octo-labs"],
  seats: 1_200,
  teams: 8,
  random: 7,
};

/** What {@link connect} needs: the `--org` / `--enterprise` given, and mock tweaks. */
export interface ConnectOptions {
  /** `--org`; against the mock it defaults to the first organization of the seed. */
  org?: string | undefined;
  /** `--enterprise`; against the mock it defaults to the seed's enterprise when `scope` is `"enterprise"`. */
  enterprise?: string | undefined;
  /** Which scope the example works on. Default `"org"`. */
  scope?: "org" | "enterprise";
  /** Clock of the embedded mock (e.g. a day behind, to show reports that are not ready). */
  mockNow?: () => Date;
  /** Extra client options (hooks, retry). */
  client?: ClientOptions;
}

/** A connected example: the client, whose data it works on, and the mock when there is one. */
export interface ExampleContext {
  client: CopilotClient;
  /** Organization login (set unless the scope is an enterprise given without `--org`). */
  org: string;
  /** Enterprise slug, for enterprise-scoped examples. */
  enterprise: string | undefined;
  /** The embedded mock server; `undefined` against GitHub. */
  mock: MockServer | undefined;
  /** Stops the embedded mock, if any. */
  close(): Promise<void>;
}

/**
 * Returns a client for GitHub when `GITHUB_TOKEN` is set (`--org` or `--enterprise` then
 * required), else starts the embedded mock and says so on stderr, so stdout stays data.
 *
 * @throws Error with a token but neither `--org` nor `--enterprise`.
 */
export async function connect(options: ConnectOptions = {}): Promise<ExampleContext> {
  const token = process.env.GITHUB_TOKEN;
  const wantsEnterprise = options.scope === "enterprise";
  if (token) {
    const name = wantsEnterprise ? options.enterprise : options.org;
    if (!name)
      throw new Error(`with GITHUB_TOKEN, pass --${wantsEnterprise ? "enterprise" : "org"} NAME`);
    const baseUrl = process.env.GITHUB_API_URL;
    const client = new CopilotClient({
      ...options.client,
      auth: token,
      ...(baseUrl ? { baseUrl } : {}),
    });
    return {
      client,
      org: options.org ?? "",
      enterprise: options.enterprise,
      mock: undefined,
      close: async () => {},
    };
  }
  const mock = await startMockServer({
    seed: EXAMPLE_SEED,
    ...(options.mockNow ? { now: options.mockNow } : {}),
  });
  const org = options.org ?? EXAMPLE_SEED.orgs?.[0] ?? "octo-org";
  const enterprise = options.enterprise ?? (wantsEnterprise ? EXAMPLE_SEED.enterprise : undefined);
  console.error(
    `No GITHUB_TOKEN: using an embedded mock of GitHub at ${mock.url} (${wantsEnterprise ? `enterprise ${enterprise}` : `organization ${org}`}).`,
  );
  // The mock answers at once: GitHub's client-side pacing of writes (1 s apart) is not needed.
  const client = new CopilotClient({
    ...options.client,
    auth: mock.token,
    baseUrl: mock.url,
    throttle: false,
  });
  return { client, org, enterprise, mock, close: () => mock.close() };
}

/**
 * Runs an example's `main`, printing a `CopilotError`'s message and `hint` (what to change)
 * instead of a stack trace, and setting a non-zero exit code on failure.
 */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof CopilotError) {
      console.error(`error: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ""}`);
    } else {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exitCode = 1;
  });
}

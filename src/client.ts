/**
 * `CopilotClient`: the entry point. Holds the options, one transport (auth,
 * headers, retry, throttle) and one namespace object per API area.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot
 */
import { operations } from "../generated/operations.js";
import { RequestValidationError } from "./core/errors.js";
import type { OperationMeta } from "./core/operation.js";
import type { ClientOptions, RequestOptions, SharedLimiter } from "./core/options.js";
import type { HttpMethod, PathsWithMethod, RequestParams, RequestResult } from "./core/types.js";
import { type DiagnoseReport, diagnose } from "./helpers/diagnose.js";
import { Pipeline } from "./internal/http/pipeline.js";
import { OperationRunner } from "./internal/operations/runner.js";
import { Billing } from "./resources/billing.js";
import { Budgets } from "./resources/budgets.js";
import { CloudAgent } from "./resources/cloud-agent.js";
import { CodingAgent } from "./resources/coding-agent.js";
import { ContentExclusion } from "./resources/content-exclusion.js";
import { CostCenters } from "./resources/cost-centers.js";
import { CustomAgents } from "./resources/custom-agents.js";
import { Metrics } from "./resources/metrics.js";
import { Reports } from "./resources/reports.js";
import { Seats } from "./resources/seats.js";
import { Teams } from "./resources/teams.js";
import { UsageRecords } from "./resources/usage-records.js";

let byRoute: Map<string, OperationMeta> | undefined;
function operationAt(method: string, path: string): OperationMeta | undefined {
  byRoute ??= new Map(
    Object.values(operations as Record<string, OperationMeta>).map((meta) => [
      `${meta.method} ${meta.path}`,
      meta,
    ]),
  );
  return byRoute.get(`${method.toUpperCase()} ${path}`);
}

/**
 * A client of GitHub's Copilot REST API.
 *
 * ```ts
 * const client = new CopilotClient({ auth: process.env.GITHUB_TOKEN });
 * for await (const seat of client.seats.list({ org: "octo-org" })) console.log(seat.assignee?.login);
 * ```
 *
 * @throws {RequestValidationError} from the constructor for a malformed or insecure `baseUrl`.
 */
export class CopilotClient {
  /** Copilot billing: seat breakdown and policies, billing usage reports, usage-report exports. */
  readonly billing: Billing;
  /** Seat listing, lookup, assignment, and the idle-seat helpers. */
  readonly seats: Seats;
  /** Seat assignment through organization and enterprise teams. */
  readonly teams: Teams;
  /** Usage-metrics report links. */
  readonly reports: Reports;
  /** Usage metrics built on the reports, and the legacy endpoints. */
  readonly metrics: Metrics;
  /** Content-exclusion rules. */
  readonly contentExclusion: ContentExclusion;
  /** Enterprise cost centers: where usage is charged. */
  readonly costCenters: CostCenters;
  /** Enterprise and organization budgets. */
  readonly budgets: Budgets;
  /** Copilot cloud (coding) agent permissions and enterprise policy. */
  readonly codingAgent: CodingAgent;
  /** An enterprise's Copilot custom agents and their source. */
  readonly customAgents: CustomAgents;
  /** A repository's Copilot cloud agent configuration. */
  readonly cloudAgent: CloudAgent;
  /** An enterprise's Copilot usage records (cursor-paginated). */
  readonly usageRecords: UsageRecords;
  readonly #runner: OperationRunner;
  readonly #auth: ClientOptions["auth"];

  constructor(options: ClientOptions = {}) {
    this.#runner = new OperationRunner(new Pipeline(options), options);
    this.#auth = options.auth;
    this.billing = new Billing(this.#runner);
    this.seats = new Seats(this.#runner);
    this.teams = new Teams(this.#runner);
    this.reports = new Reports(this.#runner);
    this.metrics = new Metrics(this.#runner, this.reports);
    this.contentExclusion = new ContentExclusion(this.#runner);
    this.costCenters = new CostCenters(this.#runner);
    this.budgets = new Budgets(this.#runner);
    this.codingAgent = new CodingAgent(this.#runner);
    this.customAgents = new CustomAgents(this.#runner);
    this.cloudAgent = new CloudAgent(this.#runner);
    this.usageRecords = new UsageRecords(this.#runner);
  }

  /**
   * The client's limiter, to share with another client using the same token:
   * `new CopilotClient({ auth, throttle: { limiter: client.limiter } })`.
   */
  get limiter(): SharedLimiter {
    return this.#runner.pipeline.policy.limiter;
  }

  /**
   * Releases what the client holds open: the Redis connections of a clustered limiter
   * (`throttle.redis`). A limiter passed in through `throttle.limiter` is left to its owner.
   * Safe to call more than once; the client must not be used afterwards.
   */
  close(): Promise<void> {
    return this.#runner.pipeline.policy.close();
  }

  /**
   * What the token can do here: its kind from its form (`classic` `ghp_`, `fine-grained`
   * `github_pat_`, `github-app` `ghs_` or `githubApp()`, `oauth` `gho_`, `unknown`), the scopes
   * GitHub reports in `x-oauth-scopes` (classic and OAuth tokens; `null` otherwise), and per
   * namespace one cheap read (`ok`, `status`, `hint`; `ok: null` when not tried). Sends one
   * request per namespace that applies to `org` / `enterprise`. `String(report)` is a table,
   * `JSON.stringify(report)` plain data; neither contains the token.
   *
   * ```ts
   * console.log(String(await client.diagnose({ org: "octo-org", enterprise: "octo-enterprise" })));
   * ```
   *
   * @throws {RequestValidationError} unless `org` or `enterprise` is given. Failed reads are reported, not thrown.
   */
  diagnose(
    target: { org?: string; enterprise?: string },
    options?: RequestOptions,
  ): Promise<DiagnoseReport> {
    return diagnose(this.#runner, this.#auth, target, options);
  }

  /**
   * Any operation of the bundled spec, by method and path template, with the same validation,
   * previews, retry and throttling as the namespace methods. Resolves to the parsed body
   * (`null` for a 204). List operations return their first page's body; use the namespaces
   * for pagination.
   *
   * ```ts
   * const billing = await client.request("get", "/orgs/{org}/copilot/billing", { org: "octo-org" });
   * ```
   *
   * @throws {RequestValidationError} for a path/method not in the spec or bad parameters, before sending.
   * Plus the operation's HTTP errors.
   */
  request<M extends HttpMethod, P extends PathsWithMethod<M>>(
    method: M,
    path: P,
    params: RequestParams<M, P>,
    options?: RequestOptions,
  ): Promise<RequestResult<M, P>> {
    const meta = operationAt(method, path);
    if (!meta) {
      return Promise.reject(
        new RequestValidationError({
          operation: `${method.toUpperCase()} ${path}`,
          issues: [
            {
              path: [],
              code: "unknown_operation",
              message: "no such operation in the bundled spec",
            },
          ],
        }),
      );
    }
    try {
      return this.#runner.send(
        this.#runner.prepare(meta.id, params as Record<string, unknown>),
        options,
      ) as Promise<RequestResult<M, P>>;
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

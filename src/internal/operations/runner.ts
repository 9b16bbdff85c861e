/**
 * Runs spec operations: the one place where parameters become a validated request
 * and an answer becomes a validated result. Namespace methods are declarations
 * over it (operationId + parameters); data flows one way:
 * parameters → preview gate → parameter validation → URL → pipeline → response validation.
 */
import { operations } from "../../../generated/operations.js";
import {
  PreviewDisabledError,
  RequestValidationError,
  ResponseValidationError,
  UnsupportedTokenError,
} from "../../core/errors.js";
import type { OperationMeta } from "../../core/operation.js";
import type { ClientOptions, RequestOptions, ValidationMode } from "../../core/options.js";
import type { Paginator } from "../../core/paginator.js";
import type { OperationId, OperationParams, OperationResult } from "../../core/types.js";
import { formatDay } from "../dates.js";
import type { Pipeline } from "../http/pipeline.js";
import { expandPath, withQuery } from "../http/url.js";
import { check, unknownValueReporter, validateResponse } from "../validation/validate.js";
import { PageIterator } from "./paginate.js";
import { previewGate } from "./previews.js";

/** Per-call options of a list operation. */
export interface ListOptions extends RequestOptions {
  /** Pages fetched in parallel once `rel="last"` is known. Default `1` (GitHub asks integrators for serial requests). */
  concurrency?: number;
}

/** How a list operation's total relates to its items (declared by the namespace method). */
export interface ListBehaviour {
  /** `false` when the total does not count rows (see `PaginatorInit.totalCountsItems`). Default `true`. */
  totalCountsItems?: boolean;
}

/** `per_page` used by list operations unless the caller sets one (GitHub's maximum). */
export const DEFAULT_PER_PAGE = 100;

const DATE_PARAMS = new Set(["day", "since", "until"]);

/** A request built from an operation and its parameters, not yet sent. */
export interface PreparedOperation {
  meta: OperationMeta;
  url: string;
  body: unknown;
}

/** Executes operations of the bundled spec for one client. */
export class OperationRunner {
  /** The client's request pipeline. */
  readonly pipeline: Pipeline;
  /** The client's response validation mode. */
  readonly validation: ValidationMode;
  readonly #previews: ClientOptions["previews"];
  readonly #warned = new Set<string>();
  /** Reports an unknown value of an open response enum once (debug level). */
  readonly #onUnknown: (where: string, value: string) => void;

  constructor(pipeline: Pipeline, options: Pick<ClientOptions, "validation" | "previews">) {
    this.pipeline = pipeline;
    this.validation = options.validation ?? "strict";
    this.#previews = options.previews;
    this.#onUnknown = unknownValueReporter(pipeline.logger, new Set());
  }

  /** The metadata of an operation. @throws {RequestValidationError} for an unknown operationId. */
  meta(id: string): OperationMeta {
    const meta = (operations as Record<string, OperationMeta>)[id];
    if (!meta) {
      throw new RequestValidationError({
        operation: id,
        issues: [
          { path: [], code: "unknown_operation", message: "not an operation of the bundled spec" },
        ],
      });
    }
    return meta;
  }

  /**
   * Checks the preview gate and the parameters, and builds URL and body. Sends nothing.
   * Body fields are the parameters that are not path or query parameters, unless `wholeBody`
   * is given (for bodies that are maps, like content-exclusion rules).
   *
   * @throws {PreviewDisabledError} when the operation's preview area is switched off.
   * @throws {RequestValidationError} for bad parameters.
   * @throws {UnsupportedTokenError} for an operation GitHub closes to App installations, with a `githubApp()` auth.
   */
  prepare(
    id: string,
    params: Record<string, unknown>,
    defaults: Record<string, unknown> = {},
    wholeBody?: unknown,
  ): PreparedOperation {
    const meta = this.meta(id);
    if (
      meta.stability === "preview" &&
      meta.previewArea &&
      !previewGate(this.#previews)(meta.previewArea)
    ) {
      throw new PreviewDisabledError({ operation: id, area: meta.previewArea });
    }
    if (meta.enabledForApps === false && this.pipeline.usesGitHubApp)
      throw new UnsupportedTokenError({ operation: id, tokenKind: "github-app" });
    if (meta.stability === "deprecated")
      this.#warnOnce(
        id,
        `${id} is deprecated${meta.sunset ? `: GitHub closed it down on ${meta.sunset}` : ""}`,
      );
    const wire: Record<string, unknown> = {};
    const body: Record<string, unknown> = {};
    const named = new Set([...meta.parameters.path, ...meta.parameters.query]);
    for (const [key, raw] of Object.entries({ ...defaults, ...params })) {
      if (raw === undefined) continue;
      // A Date becomes a UTC YYYY-MM-DD; a `day` string must be one (legacy `since`/`until` also take timestamps).
      const value =
        DATE_PARAMS.has(key) && (raw instanceof Date || (key === "day" && typeof raw === "string"))
          ? formatDay(raw, key, id)
          : raw;
      if (named.has(key) || !meta.body || wholeBody !== undefined) wire[key] = value;
      else body[key] = value;
    }
    const paramIssues = check(meta.params, wire);
    if (paramIssues) throw new RequestValidationError({ operation: id, issues: paramIssues });
    let requestBody: unknown;
    const candidate = wholeBody ?? body;
    if (
      meta.body &&
      (meta.bodyRequired || wholeBody !== undefined || Object.keys(body).length > 0)
    ) {
      const bodyIssues = check(meta.body, candidate);
      if (bodyIssues) throw new RequestValidationError({ operation: id, issues: bodyIssues });
      requestBody = candidate;
    }
    const { origin, prefix } = this.pipeline.base;
    const path = expandPath(meta.path, wire, id);
    const query: Record<string, unknown> = {};
    for (const name of meta.parameters.query) query[name] = wire[name];
    return { meta, url: withQuery(`${origin}${prefix}${path}`, query), body: requestBody };
  }

  /**
   * Sends one operation and returns its validated result (`null` for a 204).
   *
   * @throws {ResponseValidationError} in `strict` mode for a body that does not match, or a 2xx that is not JSON.
   * Plus the errors of {@link OperationRunner.prepare} and the pipeline's HTTP/network errors.
   */
  async call<Id extends OperationId>(
    id: Id,
    params: OperationParams<Id>,
    options?: RequestOptions,
  ): Promise<OperationResult<Id>> {
    return (await this.send(
      this.prepare(id, params as Record<string, unknown>),
      options,
    )) as OperationResult<Id>;
  }

  /** Sends a prepared operation; used by {@link OperationRunner.call} and the bulk runner. */
  async send(prepared: PreparedOperation, options?: RequestOptions): Promise<unknown> {
    const { meta, url, body } = prepared;
    const response = await this.pipeline.send(
      { method: meta.method, url, route: meta.path, operation: meta.id, body },
      options,
    );
    return this.#result(meta, response.status, response.body, response.parseError);
  }

  /** A Paginator over a list operation; validates parameters now, sends nothing until iterated. */
  list<Item>(
    id: OperationId,
    params: Record<string, unknown>,
    options: ListOptions = {},
    behaviour: ListBehaviour = {},
  ): Paginator<Item> {
    const defaults = { per_page: DEFAULT_PER_PAGE };
    const { meta, url } = this.prepare(id, params, defaults);
    if (!meta.pagination) throw new TypeError(`${id} is not a list operation`);
    const { concurrency, ...requestOptions } = options;
    return new PageIterator<Item>({
      firstUrl: url,
      pagination: meta.pagination,
      origin: this.pipeline.base.origin,
      prefix: this.pipeline.base.prefix,
      concurrency,
      totalCountsItems: behaviour.totalCountsItems,
      signal: options.signal,
      warn: (message) => this.pipeline.logger.warn(`copilot-admin-sdk: ${id}: ${message}`),
      fetchPage: async (pageUrl, signal) => {
        const response = await this.pipeline.send(
          { method: meta.method, url: pageUrl, route: meta.path, operation: id },
          signal ? { ...requestOptions, signal } : requestOptions,
        );
        const body = this.#result(meta, response.status, response.body, response.parseError);
        return { body, headers: response.headers, url: response.url };
      },
    });
  }

  #result(
    meta: OperationMeta,
    status: number,
    body: unknown,
    parseError: string | undefined,
  ): unknown {
    if (parseError !== undefined) {
      throw new ResponseValidationError({
        operation: meta.id,
        issues: [
          {
            path: [],
            code: "invalid_json",
            message: `the ${status} body is ${parseError}`,
          },
        ],
      });
    }
    if (status === 204) return null;
    validateResponse(
      meta.id,
      meta.responses[status],
      body,
      this.validation,
      (error) => this.pipeline.logger.warn(`copilot-admin-sdk: ${error.message}`),
      this.#warned,
      this.#onUnknown,
    );
    return body;
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(`warn:${key}`)) return;
    this.#warned.add(`warn:${key}`);
    this.pipeline.logger.warn(`copilot-admin-sdk: ${message}`);
  }
}

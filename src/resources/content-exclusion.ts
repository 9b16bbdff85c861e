/**
 * `client.contentExclusion`: paths Copilot must ignore, per repository, for an
 * organization or an enterprise. Public previews (area `content-exclusion`).
 * Rules are a map from repository name (or `"*"` / a git URL for enterprises)
 * to paths, each a string or `{ ifAnyMatch: string[] }` / `{ ifNoneMatch: string[] }`.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-content-exclusion-management
 */

import type { operations } from "../../generated/openapi.js";
import type { RequestOptions } from "../core/options.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { Resource } from "./resource.js";

type RulesOf<Id extends keyof operations> = operations[Id] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** Content-exclusion rules as GitHub's PUT body takes them. */
export type ContentExclusionRules =
  RulesOf<"copilot/set-copilot-content-exclusion-for-organization">;
/** Enterprise content-exclusion rules. */
export type EnterpriseContentExclusionRules =
  RulesOf<"copilot/set-copilot-content-exclusion-for-enterprise">;

/** Copilot content exclusion. */
export class ContentExclusion extends Resource {
  /**
   * The organization's rules. `GET /orgs/{org}/copilot/content_exclusion`.
   * Token: `copilot` or `read:org`.
   *
   * @throws {PreviewDisabledError} when `content-exclusion` previews are off; HTTP errors as usual.
   */
  get(
    params: OperationParams<"copilot/copilot-content-exclusion-for-organization">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/copilot-content-exclusion-for-organization">> {
    return this._runner.call("copilot/copilot-content-exclusion-for-organization", params, options);
  }

  /**
   * Replaces the organization's rules with `rules` (the whole set: repositories left out lose their rules).
   * `PUT /orgs/{org}/copilot/content_exclusion` → `{ message }`.
   *
   * @throws {RequestValidationError} for malformed rules, before anything is sent.
   * @throws {UnprocessableEntityError} / 413 {CopilotApiError} when GitHub refuses or the rule set is too large.
   */
  set(
    params: { org: string; rules: ContentExclusionRules },
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/set-copilot-content-exclusion-for-organization">> {
    const prepared = this._runner.prepare(
      "copilot/set-copilot-content-exclusion-for-organization",
      { org: params.org },
      {},
      params.rules,
    );
    return this._runner.send(prepared, options) as never;
  }

  /**
   * The enterprise's rules. `GET /enterprises/{enterprise}/copilot/content_exclusion`.
   *
   * @throws as {@link ContentExclusion.get}.
   */
  getForEnterprise(
    params: OperationParams<"copilot/copilot-content-exclusion-for-enterprise">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/copilot-content-exclusion-for-enterprise">> {
    return this._runner.call("copilot/copilot-content-exclusion-for-enterprise", params, options);
  }

  /**
   * Replaces the enterprise's rules. `PUT /enterprises/{enterprise}/copilot/content_exclusion`.
   *
   * @throws as {@link ContentExclusion.set}.
   */
  setForEnterprise(
    params: { enterprise: string; rules: EnterpriseContentExclusionRules },
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/set-copilot-content-exclusion-for-enterprise">> {
    const prepared = this._runner.prepare(
      "copilot/set-copilot-content-exclusion-for-enterprise",
      { enterprise: params.enterprise },
      {},
      params.rules,
    );
    return this._runner.send(prepared, options) as never;
  }
}

/**
 * `client.customAgents`: an enterprise's Copilot custom agents (the `agents/*.md` files of the
 * `.github-private` repository of its source organization) and that source. Generally available.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-custom-agents
 */
import type { RequestOptions } from "../core/options.js";
import type { Paginator } from "../core/paginator.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import type { ListOptions } from "../internal/operations/runner.js";
import { Resource } from "./resource.js";

/** One custom agent: `{ name, file_path, url, ... }` as GitHub lists it. */
export type CustomAgent = NonNullable<
  OperationResult<"copilot/get-copilot-custom-agents-for-enterprise">["custom_agents"]
>[number];

/** Copilot custom agents of an enterprise. */
export class CustomAgents extends Resource {
  /**
   * Every custom agent of the enterprise, page by page (`per_page` 100 unless set); none when no
   * source is configured (GitHub answers `custom_agents: null`).
   * `GET /enterprises/{enterprise}/copilot/custom-agents`. Token: `admin:enterprise`.
   *
   * @throws HTTP errors while iterating ({PermissionDeniedError}, {NotFoundError}).
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-custom-agents#get-custom-agents-for-an-enterprise
   */
  list(
    params: OperationParams<"copilot/get-copilot-custom-agents-for-enterprise">,
    options?: ListOptions,
  ): Paginator<CustomAgent> {
    return this._runner.list<CustomAgent>(
      "copilot/get-copilot-custom-agents-for-enterprise",
      params,
      options,
    );
  }

  /**
   * The source organization and repository: `{ organization, repository }` (each `null` when none).
   * `GET /enterprises/{enterprise}/copilot/custom-agents/source`. Token: `admin:enterprise`.
   *
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-custom-agents#get-the-source-organization-for-custom-agents-in-an-enterprise
   */
  getSource(
    params: OperationParams<"copilot/get-copilot-custom-agents-source-for-enterprise">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/get-copilot-custom-agents-source-for-enterprise">> {
    return this._runner.call(
      "copilot/get-copilot-custom-agents-source-for-enterprise",
      params,
      options,
    );
  }

  /**
   * Sets the source to the organization `organization_id` (its `.github-private` repository);
   * `create_ruleset` (default `true`) adds a ruleset protecting the agent files. Resolves to
   * `{ organization, repository, ruleset? }`.
   * `PUT /enterprises/{enterprise}/copilot/custom-agents/source`. Token: `admin:enterprise`.
   *
   * @throws {UnprocessableEntityError} when the organization is not the enterprise's.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-custom-agents#set-the-source-organization-for-custom-agents-in-an-enterprise
   */
  setSource(
    params: OperationParams<"copilot/set-copilot-custom-agents-source-for-enterprise">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/set-copilot-custom-agents-source-for-enterprise">> {
    return this._runner.call(
      "copilot/set-copilot-custom-agents-source-for-enterprise",
      params,
      options,
    );
  }

  /**
   * Removes the source (the agents stop being offered); `null` (204).
   * `DELETE /enterprises/{enterprise}/copilot/custom-agents/source`. Token: `admin:enterprise`.
   *
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-custom-agents#delete-the-custom-agents-source-for-an-enterprise
   */
  deleteSource(
    params: OperationParams<"copilot/delete-copilot-custom-agents-source-for-enterprise">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/delete-copilot-custom-agents-source-for-enterprise">> {
    return this._runner.call(
      "copilot/delete-copilot-custom-agents-source-for-enterprise",
      params,
      options,
    );
  }
}

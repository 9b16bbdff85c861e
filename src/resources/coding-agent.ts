/**
 * `client.codingAgent`: which repositories of an organization may use Copilot cloud agent
 * (public preview, area `coding-agent`), and an enterprise's cloud-agent policy and the
 * organizations it enables (generally available).
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management
 */
import type { RequestOptions } from "../core/options.js";
import type { Paginator } from "../core/paginator.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import type { ListOptions } from "../internal/operations/runner.js";
import { Resource } from "./resource.js";

/** A repository enabled for Copilot cloud agent (GitHub's `repository` schema, abridged). */
export type CodingAgentRepository =
  OperationResult<"copilot/list-copilot-coding-agent-selected-repositories-for-organization">["repositories"][number];

/** Copilot cloud (coding) agent governance. */
export class CodingAgent extends Resource {
  /**
   * Which repositories may use Copilot cloud agent: `{ enabled_repositories: "all" | "selected" |
   * "none", selected_repositories_url? }`. `GET /orgs/{org}/copilot/coding-agent/permissions`.
   * Token: `admin:org`; App: organization "Administration" read.
   *
   * @throws {PreviewDisabledError} when `coding-agent` previews are off; {NotFoundError}, HTTP errors.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#get-copilot-cloud-agent-permissions-for-an-organization
   */
  getPermissions(
    params: OperationParams<"copilot/get-copilot-coding-agent-permissions-organization">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/get-copilot-coding-agent-permissions-organization">> {
    return this._runner.call(
      "copilot/get-copilot-coding-agent-permissions-organization",
      params,
      options,
    );
  }

  /**
   * Sets which repositories may use Copilot cloud agent (`enabled_repositories`: `all`,
   * `selected` or `none`); resolves to `null` (204). `PUT /orgs/{org}/copilot/coding-agent/permissions`.
   * Token: `admin:org`.
   *
   * @throws {RequestValidationError} for another value, before sending; {UnprocessableEntityError}.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#set-copilot-cloud-agent-permissions-for-an-organization
   */
  setPermissions(
    params: OperationParams<"copilot/set-copilot-coding-agent-permissions-organization">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/set-copilot-coding-agent-permissions-organization">> {
    return this._runner.call(
      "copilot/set-copilot-coding-agent-permissions-organization",
      params,
      options,
    );
  }

  /**
   * The repositories enabled when the policy is `selected`, page by page (`per_page` 100 unless set).
   * `GET /orgs/{org}/copilot/coding-agent/permissions/repositories`. Token: `admin:org`.
   *
   * @throws {CopilotApiError} 409 while iterating when the policy is not `selected`.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#list-repositories-enabled-for-copilot-cloud-agent-in-an-organization
   */
  listRepositories(
    params: OperationParams<"copilot/list-copilot-coding-agent-selected-repositories-for-organization">,
    options?: ListOptions,
  ): Paginator<CodingAgentRepository> {
    return this._runner.list<CodingAgentRepository>(
      "copilot/list-copilot-coding-agent-selected-repositories-for-organization",
      params,
      options,
    );
  }

  /**
   * Replaces the enabled repositories with `selected_repository_ids` (repository ids); `null` (204).
   * `PUT /orgs/{org}/copilot/coding-agent/permissions/repositories`. Token: `admin:org`.
   *
   * @throws {CopilotApiError} 409 when the policy is not `selected`; {UnprocessableEntityError}.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#set-selected-repositories-for-copilot-cloud-agent-in-an-organization
   */
  setRepositories(
    params: OperationParams<"copilot/set-copilot-coding-agent-selected-repositories-for-organization">,
    options?: RequestOptions,
  ): Promise<
    OperationResult<"copilot/set-copilot-coding-agent-selected-repositories-for-organization">
  > {
    return this._runner.call(
      "copilot/set-copilot-coding-agent-selected-repositories-for-organization",
      params,
      options,
    );
  }

  /**
   * Enables one repository (by id); `null` (204).
   * `PUT /orgs/{org}/copilot/coding-agent/permissions/repositories/{repository_id}`. Token: `admin:org`.
   *
   * @throws {CopilotApiError} 409 when the policy is not `selected`; {NotFoundError} for an unknown repository.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#enable-a-repository-for-copilot-cloud-agent-in-an-organization
   */
  enableRepository(
    params: OperationParams<"copilot/enable-copilot-coding-agent-for-repository-in-organization">,
    options?: RequestOptions,
  ): Promise<
    OperationResult<"copilot/enable-copilot-coding-agent-for-repository-in-organization">
  > {
    return this._runner.call(
      "copilot/enable-copilot-coding-agent-for-repository-in-organization",
      params,
      options,
    );
  }

  /**
   * Disables one repository (by id); `null` (204).
   * `DELETE /orgs/{org}/copilot/coding-agent/permissions/repositories/{repository_id}`. Token: `admin:org`.
   *
   * @throws as {@link CodingAgent.enableRepository}.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#disable-a-repository-for-copilot-cloud-agent-in-an-organization
   */
  disableRepository(
    params: OperationParams<"copilot/disable-copilot-coding-agent-for-repository-in-organization">,
    options?: RequestOptions,
  ): Promise<
    OperationResult<"copilot/disable-copilot-coding-agent-for-repository-in-organization">
  > {
    return this._runner.call(
      "copilot/disable-copilot-coding-agent-for-repository-in-organization",
      params,
      options,
    );
  }

  /**
   * Sets the enterprise's cloud-agent policy (`policy_state`: `enabled_for_all_orgs`,
   * `disabled_for_all_orgs`, `enabled_for_selected_orgs`, `configured_by_org_admins`); `null` (204).
   * `PUT /enterprises/{enterprise}/copilot/policies/coding_agent`.
   * Token: `manage_billing:copilot` or `admin:enterprise`. Not available to GitHub App installations.
   *
   * @throws {UnsupportedTokenError} with a GitHub App `auth`, before sending; {CopilotApiError} 400.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#set-the-coding-agent-policy-for-an-enterprise
   */
  setEnterprisePolicy(
    params: OperationParams<"copilot/set-enterprise-coding-agent-policy">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/set-enterprise-coding-agent-policy">> {
    return this._runner.call("copilot/set-enterprise-coding-agent-policy", params, options);
  }

  /**
   * Enables cloud agent for organizations under the `enabled_for_selected_orgs` policy: by login
   * (`organizations`) and/or `custom_properties` filters; `null` (204).
   * `POST /enterprises/{enterprise}/copilot/policies/coding_agent/organizations`.
   * Token: `manage_billing:copilot` or `admin:enterprise`. Not available to GitHub App installations.
   *
   * @throws as {@link CodingAgent.setEnterprisePolicy}.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#add-organizations-to-the-enterprise-coding-agent-policy
   */
  addOrganizations(
    params: OperationParams<"copilot/add-organizations-to-enterprise-coding-agent-policy">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/add-organizations-to-enterprise-coding-agent-policy">> {
    return this._runner.call(
      "copilot/add-organizations-to-enterprise-coding-agent-policy",
      params,
      options,
    );
  }

  /**
   * Disables cloud agent for organizations (same selection as {@link CodingAgent.addOrganizations}); `null` (204).
   * `DELETE /enterprises/{enterprise}/copilot/policies/coding_agent/organizations`.
   *
   * @throws as {@link CodingAgent.setEnterprisePolicy}.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-coding-agent-management#remove-organizations-from-the-enterprise-coding-agent-policy
   */
  removeOrganizations(
    params: OperationParams<"copilot/remove-organizations-from-enterprise-coding-agent-policy">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/remove-organizations-from-enterprise-coding-agent-policy">> {
    return this._runner.call(
      "copilot/remove-organizations-from-enterprise-coding-agent-policy",
      params,
      options,
    );
  }
}

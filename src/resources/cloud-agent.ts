/**
 * `client.cloudAgent`: a repository's Copilot cloud agent configuration (public preview, area
 * `cloud-agent`).
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-cloud-agent-management
 */
import type { RequestOptions } from "../core/options.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { Resource } from "./resource.js";

/** Copilot cloud agent configuration. */
export class CloudAgent extends Resource {
  /**
   * The repository's configuration: `{ mcp_configuration, enabled_tools, require_actions_workflow_approval,
   * is_firewall_enabled, custom_allowlist, ... }`.
   * `GET /repos/{owner}/{repo}/copilot/cloud-agent/configuration`. Token: `repo`.
   *
   * @throws {PreviewDisabledError} when `cloud-agent` previews are off; {NotFoundError}, HTTP errors.
   * @see https://docs.github.com/enterprise-cloud@latest/rest/copilot/copilot-cloud-agent-management#get-copilot-cloud-agent-configuration-for-a-repository
   */
  getConfiguration(
    params: OperationParams<"copilot/get-copilot-cloud-agent-configuration">,
    options?: RequestOptions,
  ): Promise<OperationResult<"copilot/get-copilot-cloud-agent-configuration">> {
    return this._runner.call("copilot/get-copilot-cloud-agent-configuration", params, options);
  }
}

/**
 * Hints: one sentence saying what to do, for the failure causes GitHub's
 * Copilot endpoints are known for. Matched on status, operation and GitHub's
 * message text (the texts are those of GitHub's REST docs for these endpoints).
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management
 */

/** What a hint is derived from. */
export interface HintInput {
  status: number;
  /** operationId, when known. */
  operation: string | undefined;
  /** GitHub's `message`, or the body text. */
  message: string;
  headers: Headers;
}

const SEAT_MUTATION =
  /selected[_-](users|teams|enterprise[_-]teams)|seats-for|seat-assignment|cancel-copilot-seat/;

/**
 * GitHub answers 404, not 403, when a token may not see an organization or enterprise, so a
 * 404 means "unknown here, or hidden from this token". Which scope to check depends on the
 * owner the operation is about (read from the operationId).
 */
function notFoundHint(operation: string): string {
  const visible =
    "GitHub answers 404 both when it does not exist and when this token may not see it";
  if (/seat-details-for(-enterprise)?-user/.test(operation)) {
    return `No Copilot seat found for this user here: the login may be wrong, the user may hold no seat or not be a member, or (${visible}) the token cannot see the ${operation.includes("enterprise") ? "enterprise" : "organization"}.`;
  }
  if (operation.includes("enterprise")) {
    return `Check the enterprise slug (as in https://github.com/enterprises/SLUG): ${visible}. Use a token of an enterprise owner or billing manager with manage_billing:copilot (read:enterprise is enough for reads); a GitHub App must be installed on the enterprise itself.`;
  }
  if (operation === "") {
    return `Check the organization or enterprise name in the path: ${visible}. Classic tokens need manage_billing:copilot (or read:org / read:enterprise for reads); fine-grained tokens must be created for that organization as resource owner.`;
  }
  return `Check the organization login: ${visible}. Use a token of an organization owner with manage_billing:copilot (read:org is enough for reads); a fine-grained token or GitHub App must be created for, or installed on, this organization with the 'GitHub Copilot Business' permission.`;
}

/** Returns the hint for a failed response, or `undefined` when the cause is not a known one. */
export function hintFor({
  status,
  operation = "",
  message,
  headers,
}: HintInput): string | undefined {
  const text = message.toLowerCase();
  const teamHeld = /via a team/.test(text);
  if (
    status === 422 &&
    SEAT_MUTATION.test(operation) &&
    /all (users|members)|seat management setting|access setting|unconfigured/.test(text)
  ) {
    return `Seats can only be assigned or cancelled through the API when the Copilot access policy is 'selected members' (billing.get → seat_management_setting: "assign_selected"); check it with billing.get and change it in the organization's Copilot settings${
      teamHeld
        ? ". When cancelling, a seat held through a team cannot be cancelled per user: use teams.remove or change the team's membership"
        : ""
    }.`;
  }
  if (status === 422 && teamHeld) {
    return "This seat is held through a team: remove the user from the team, or cancel the team's assignment with teams.remove, instead of cancelling the user's seat.";
  }
  if (/metrics api access|usage metrics api|copilot metrics.*(disabled|not enabled)/.test(text)) {
    return "The 'Copilot usage metrics' API access policy is off: an enterprise owner (or org owner) must enable it in the Copilot policies before metrics and reports can be read.";
  }
  if (/billing.*(managed|owned) by .*enterprise|enterprise.*manages.*billing/.test(text)) {
    return "This organization's Copilot billing is managed by its enterprise: read seats with seats.listForEnterprise / billing through the enterprise, using a token of an enterprise owner or billing manager.";
  }
  if (status === 403 && /cannot filter usage by user/.test(text)) {
    return "This organization is owned by an enterprise, whose billing GitHub reports per user only at the enterprise level: call the same billing method with { enterprise, user } (an enterprise owner or billing manager token), or leave out the user filter.";
  }
  if (status === 403 && headers.has("x-github-sso")) {
    const sso = headers.get("x-github-sso") ?? "";
    const url = /url=([^;\s]+)/.exec(sso)?.[1];
    return `The token is not authorized for this organization's SAML single sign-on${url ? `: authorize it at ${url}` : ": authorize it in your token settings (Configure SSO)"}.`;
  }
  if (
    status === 403 &&
    /resource not accessible by (integration|personal access token)/.test(text)
  ) {
    return "The token lacks a permission this endpoint needs: a fine-grained token or GitHub App needs the Copilot permission ('GitHub Copilot Business' on the organization, or the enterprise's Copilot permission), and enterprise endpoints need the App installed on the enterprise, not on an organization.";
  }
  if (status === 401 || status === 403 || status === 404) {
    const accepted = headers.get("x-accepted-oauth-scopes");
    const granted = headers.get("x-oauth-scopes");
    if (accepted && granted !== null) {
      const have = new Set(granted.split(",").map((s) => s.trim()));
      const needed = accepted
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (needed.length > 0 && !needed.some((scope) => have.has(scope))) {
        return `The token has the scopes [${[...have].filter(Boolean).join(", ")}] but this endpoint accepts one of [${needed.join(", ")}].`;
      }
    }
  }
  if (status === 404) return notFoundHint(operation);
  if (status === 401) {
    return "The token is missing, expired or revoked: pass a valid token as auth (GitHub App installation tokens expire after an hour; pass a function to refresh them).";
  }
  return undefined;
}

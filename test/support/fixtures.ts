/** Small valid payloads shared by client tests. */

/** A successful `GET /orgs/{org}/copilot/billing` body (one seat, policy `assign_selected`). */
export const BILLING = {
  seat_breakdown: {
    total: 1,
    added_this_cycle: 0,
    pending_invitation: 0,
    pending_cancellation: 0,
    active_this_cycle: 1,
    inactive_this_cycle: 0,
  },
  seat_management_setting: "assign_selected",
  public_code_suggestions: "block",
};

/** A complete `simple-user` (a seat's assignee), every required field present. */
export function simpleUser(login: string, id = 1) {
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: "",
    gravatar_id: "",
    url: "",
    html_url: "",
    followers_url: "",
    following_url: "",
    gists_url: "",
    starred_url: "",
    subscriptions_url: "",
    organizations_url: "",
    repos_url: "",
    events_url: "",
    received_events_url: "",
    type: "User",
    site_admin: false,
  };
}

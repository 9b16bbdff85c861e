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

/**
 * The in-memory model behind the mock (`mock.state`). Handlers render it into
 * GitHub's wire shapes (see `render.ts`); tests may read and change it directly.
 */

/** How an organization assigns Copilot seats (`seat_management_setting` of GET /orgs/{org}/copilot/billing). */
export type SeatManagementSetting = "assign_all" | "assign_selected" | "disabled" | "unconfigured";

/** Options that shape the generated state. Every field is optional; the same values always give the same state. */
export interface MockSeed {
  /** Enterprise slug. Default `"octo-enterprise"`. */
  enterprise?: string;
  /** Organization logins inside the enterprise. Default `["octo-org"]`. */
  orgs?: string[];
  /** Seats PER ORGANIZATION (team-assigned and direct together). Default 50. */
  seats?: number;
  /** Organization teams PER ORGANIZATION. Default 6. */
  teams?: number;
  /** Enterprise teams. Default 2. */
  enterpriseTeams?: number;
  /** Days of legacy `/copilot/metrics` history (max 100). Default 28. */
  days?: number;
  /** PRNG seed. Default 1. */
  random?: number;
  /** Seat management setting of every organization. Default `"assign_selected"`. */
  seatManagementSetting?: SeatManagementSetting;
}

/** A GitHub user account. */
export interface MockUser {
  id: number;
  login: string;
  name: string;
}

/** How a seat was granted: directly, or through an org team or an enterprise team (by slug). */
export type SeatGrant =
  | { kind: "direct" }
  | { kind: "team"; slug: string }
  | { kind: "enterprise-team"; slug: string };

/** One Copilot seat row. Timestamps are ISO 8601 UTC strings, dates `YYYY-MM-DD`. */
export interface MockSeat {
  /** Holder's user id; `null` renders `assignee: null` (an account GitHub can no longer resolve). */
  userId: number | null;
  grant: SeatGrant;
  createdAt: string;
  updatedAt: string;
  /** First day of the next billing cycle once cancelled, else null. */
  pendingCancellationDate: string | null;
  lastActivityAt: string | null;
  lastActivityEditor: string | null;
  lastAuthenticatedAt: string | null;
  /** Absent renders a seat without `plan_type` (GitHub omits it on some rows). */
  planType?: "business" | "enterprise" | "unknown";
}

/** An organization team; `members` are user ids. */
export interface MockTeam {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  members: Set<number>;
}

/** An enterprise team (GET /enterprises/{enterprise}/teams shape); `members` are user ids. */
export interface MockEnterpriseTeam {
  id: number;
  slug: string;
  name: string;
  description: string;
  createdAt: string;
  members: Set<number>;
}

/** Feature policies shown by GET /orgs/{org}/copilot/billing. */
export interface MockOrgPolicies {
  public_code_suggestions: "allow" | "block" | "unconfigured";
  ide_chat: "enabled" | "disabled" | "unconfigured";
  platform_chat: "enabled" | "disabled" | "unconfigured";
  cli: "enabled" | "disabled" | "unconfigured";
}

/** Content exclusion rules: repository (or `"*"` / a git URL) → paths or match objects. */
export type ContentExclusionRules = Record<string, unknown[]>;

/** A repository, as far as the coding-agent and repos report need one. */
export interface MockRepository {
  id: number;
  name: string;
}

/** An organization of the enterprise. */
export interface MockOrg {
  id: number;
  login: string;
  description: string | null;
  planType: "business" | "enterprise";
  seatManagementSetting: SeatManagementSetting;
  policies: MockOrgPolicies;
  /** Member user ids. */
  members: Set<number>;
  teams: Map<string, MockTeam>;
  /** Slugs of teams granted Copilot (POST selected_teams). */
  copilotTeams: Set<string>;
  /** Seat rows in listing order (creation order). */
  seats: MockSeat[];
  pendingInvitations: number;
  contentExclusion: ContentExclusionRules;
  repositories: MockRepository[];
  codingAgent: {
    enabled_repositories: "all" | "selected" | "none";
    selectedRepositoryIds: Set<number>;
  };
  /** The "Copilot metrics API access" policy; when false the legacy metrics endpoints answer 422. */
  metricsApiEnabled: boolean;
}

/** The enterprise and the seats it grants itself (enterprise teams, enterprise selected_users). */
export interface MockEnterprise {
  id: number;
  slug: string;
  name: string;
  teams: Map<string, MockEnterpriseTeam>;
  copilotTeams: Set<string>;
  /** Seats not held through an organization (`organization: null` in listings). */
  seats: MockSeat[];
  contentExclusion: ContentExclusionRules;
  codingAgentPolicy: string;
  codingAgentOrganizations: Set<string>;
  customAgentsSourceOrgId: number | null;
}

/** Everything the mock knows. `version` increases on every change made through the API. */
export interface MockState {
  enterprise: MockEnterprise;
  /** By lower-cased login (GitHub treats org names case-insensitively). */
  orgs: Map<string, MockOrg>;
  users: Map<number, MockUser>;
  /** By lower-cased login. */
  usersByLogin: Map<string, MockUser>;
  /** PRNG seed the state was built from; report rows are derived from it lazily. */
  randomSeed: number;
  /** Days of legacy metrics history. */
  legacyDays: number;
  /** Next id for anything created through the API. */
  nextId: number;
  version: number;
}

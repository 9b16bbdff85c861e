/**
 * `copilot-admin-sdk/msw`: a stateful, seeded fake of GitHub's Copilot REST API
 * for msw (`createCopilotMock`) and a loopback HTTP server (`startMockServer`).
 * Nothing in the main entry imports this module, so msw stays a dev dependency.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createCopilotMock } from "copilot-admin-sdk/msw";
 *
 * const mock = createCopilotMock({ seed: { orgs: ["octo-org"], seats: 250, teams: 12, days: 28, random: 42 } });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * mock.faults.next({ status: 429, retryAfter: 1 }); // the next request gets a 429
 * // ... exercise your code, then assert on mock.state and mock.requests
 * ```
 *
 * @example
 * ```ts
 * import { startMockServer } from "copilot-admin-sdk/msw";
 * const server = await startMockServer({ port: 0, seed: { orgs: ["a", "b", "c"], seats: 1667 } });
 * // GET `${server.url}/orgs/a/copilot/billing/seats` with `Authorization: Bearer ${server.token}`
 * await server.close();
 * ```
 */
export type { TokenConfig } from "./auth.js";
export { ALL_SCOPES } from "./auth.js";
export type {
  DropFault,
  FaultDecision,
  FaultMatch,
  FaultRequest,
  FaultScope,
  FaultTarget,
  ForcedResponse,
  MalformedJsonFault,
  MockFault,
  SecondaryLimitOptions,
} from "./faults.js";
export { MockFaults, SECONDARY_LIMIT_MESSAGE } from "./faults.js";
export type { CopilotMock, CopilotMockOptions, RecordedRequest } from "./mock.js";
export { createCopilotMock, DEFAULT_DOWNLOAD_ORIGIN } from "./mock.js";
export type { ReportKind } from "./report-files.js";
export { TEAM_MEMBER_FLOOR } from "./report-files.js";
export type { MockOrigins } from "./router.js";
export { revokeInstallationTokens } from "./routes/apps.js";
export { ASSIGNMENT_MESSAGES } from "./routes/assignments.js";
export { METRICS_DISABLED_MESSAGE } from "./routes/legacy-metrics.js";
export { reportWindow } from "./routes/reports.js";
export { DEFAULT_SEED, EDITORS } from "./seed.js";
export type { ExistingMockServerOptions, MockServer, MockServerOptions } from "./server.js";
export { MOCK_TOKEN, startMockServer } from "./server.js";
export type {
  ContentExclusionRules,
  MockEnterprise,
  MockEnterpriseTeam,
  MockOrg,
  MockOrgPolicies,
  MockRepository,
  MockSeat,
  MockSeed,
  MockState,
  MockTeam,
  MockUser,
  SeatGrant,
  SeatManagementSetting,
} from "./types.js";

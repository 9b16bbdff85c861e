/** Every API route of the mock: one entry per operation of `spec/copilot.openapi.yaml`. */
import type { Route } from "../router.js";
import { agentRoutes } from "./agents.js";
import { appRoutes } from "./apps.js";
import { assignmentRoutes } from "./assignments.js";
import { billingExportRoutes } from "./billing-exports.js";
import { billingUsageRoutes } from "./billing-usage.js";
import { budgetRoutes } from "./budgets.js";
import { contentExclusionRoutes } from "./content-exclusion.js";
import { costCenterRoutes } from "./cost-centers.js";
import { legacyMetricsRoutes } from "./legacy-metrics.js";
import { reportRoutes } from "./reports.js";
import { seatRoutes } from "./seats.js";

/** The route table, in no particular order (paths do not overlap). */
export const routes: readonly Route[] = [
  ...seatRoutes,
  ...assignmentRoutes,
  ...contentExclusionRoutes,
  ...reportRoutes,
  ...legacyMetricsRoutes,
  ...agentRoutes,
  ...billingUsageRoutes,
  ...billingExportRoutes,
  ...costCenterRoutes,
  ...budgetRoutes,
  ...appRoutes,
];

/**
 * `npm run spec:check`: compares spec/copilot.openapi.yaml with GitHub's official
 * OpenAPI description operation by operation and schema by schema, requires every
 * difference to be declared in spec/deviations.yaml (and every declaration to
 * still match one), checks the x-* operation extensions, and lints the spec with
 * Redocly (redocly.yaml).
 * Exits 0 with a one-line summary, or 1 with the report.
 */
import { compareSpecs } from "./spec/compare.js";
import { loadDeviations, matchDeviations } from "./spec/deviations.js";
import { checkExtensions } from "./spec/extensions.js";
import { lintSpec } from "./spec/lint.js";
import { formatReport, passed } from "./spec/report.js";
import { FILES, loadSources } from "./spec/sources.js";

const { ours, sources } = loadSources();
const lint = lintSpec(FILES.ours, FILES.redoclyConfig);
const comparison = compareSpecs(ours, sources);
const deviations = matchDeviations(comparison.differences, loadDeviations(FILES.deviations));
const result = { comparison, deviations, extensions: checkExtensions(ours), lint: await lint };
const ok = passed(result);
(ok ? console.log : console.error)(formatReport(result));
process.exitCode = ok ? 0 : 1;

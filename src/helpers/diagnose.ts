/**
 * `client.diagnose()`: what the configured token can do here. The token kind comes from its
 * form (GitHub's documented prefixes), the scopes from the `x-oauth-scopes` header GitHub adds
 * to answers for classic and OAuth tokens, and each namespace is tried with one cheap read
 * (one request, the smallest page). The report holds the kind only, never the token.
 *
 * @see https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
 */
import { CopilotApiError, CopilotError, RequestValidationError } from "../core/errors.js";
import { type AuthOption, isGitHubAppAuth, type RequestOptions } from "../core/options.js";
import type { OperationId } from "../core/types.js";
import type { OperationRunner } from "../internal/operations/runner.js";

/** Kinds of token, by their prefix: `ghp_`, `github_pat_`, `ghs_` (or `githubApp()`), `gho_`. */
export type TokenKind = "classic" | "fine-grained" | "github-app" | "oauth" | "unknown" | "none";

const KIND_NAMES: Record<TokenKind, string> = {
  classic: "personal access token (classic)",
  "fine-grained": "fine-grained personal access token",
  "github-app": "GitHub App installation token",
  oauth: "OAuth app token",
  unknown: "token of an unknown form",
  none: "no token",
};

/** The kind of a token, from its form; never keeps the token. */
export function tokenKindOf(token: string | undefined): TokenKind {
  if (!token) return "none";
  if (token.startsWith("github_pat_")) return "fine-grained";
  if (token.startsWith("ghp_")) return "classic";
  if (token.startsWith("ghs_")) return "github-app";
  if (token.startsWith("gho_")) return "oauth";
  return "unknown";
}

/** One namespace's read. */
export interface NamespaceCheck {
  /** Client namespace, e.g. `"seats"`. */
  namespace: string;
  /** The method tried, e.g. `"seats.list"`; absent when skipped. */
  method?: string;
  /** Whether the read succeeded; `null` when it was not tried (`skipped` says why). */
  ok: boolean | null;
  /** HTTP status answered, when one was. */
  status?: number;
  /** What to do when it failed, or why it was skipped. */
  hint?: string;
}

/** What `client.diagnose()` returns: plain data (`toJSON`) with a text rendering (`toString`). */
export interface DiagnoseReport {
  tokenKind: TokenKind;
  /** Scopes GitHub reported (`x-oauth-scopes`), or `null` when it reports none for this kind of token. */
  scopes: string[] | null;
  org?: string;
  enterprise?: string;
  /** One entry per namespace, in a fixed order. */
  checks: NamespaceCheck[];
  /** A plain object of the fields above. */
  toJSON(): Omit<DiagnoseReport, "toJSON" | "toString">;
  /** A table for people. */
  toString(): string;
}

interface Probe {
  namespace: string;
  method: string;
  operation: OperationId;
  needs: "org" | "enterprise";
  params: (target: { org?: string; enterprise?: string }) => Record<string, unknown>;
}

const org = (t: { org?: string }) => ({ org: t.org });
const enterprise = (t: { enterprise?: string }) => ({ enterprise: t.enterprise });

/** The cheap read of each namespace, for an org or an enterprise. */
const PROBES: readonly Probe[] = [
  {
    namespace: "billing",
    method: "billing.get",
    operation: "copilot/get-copilot-organization-details",
    needs: "org",
    params: org,
  },
  {
    namespace: "seats",
    method: "seats.list",
    operation: "copilot/list-copilot-seats",
    needs: "org",
    params: (t) => ({ org: t.org, per_page: 1 }),
  },
  {
    namespace: "seats",
    method: "seats.listForEnterprise",
    operation: "copilot/list-copilot-seats-for-enterprise",
    needs: "enterprise",
    params: (t) => ({ enterprise: t.enterprise, per_page: 1 }),
  },
  {
    namespace: "reports",
    method: "reports.orgLatest28Day",
    operation: "copilot/copilot-organization-usage-metrics",
    needs: "org",
    params: org,
  },
  {
    namespace: "reports",
    method: "reports.enterpriseLatest28Day",
    operation: "copilot/copilot-enterprise-usage-metrics",
    needs: "enterprise",
    params: enterprise,
  },
  {
    namespace: "contentExclusion",
    method: "contentExclusion.get",
    operation: "copilot/copilot-content-exclusion-for-organization",
    needs: "org",
    params: org,
  },
  {
    namespace: "contentExclusion",
    method: "contentExclusion.getForEnterprise",
    operation: "copilot/copilot-content-exclusion-for-enterprise",
    needs: "enterprise",
    params: enterprise,
  },
  {
    namespace: "codingAgent",
    method: "codingAgent.getPermissions",
    operation: "copilot/get-copilot-coding-agent-permissions-organization",
    needs: "org",
    params: org,
  },
  {
    namespace: "customAgents",
    method: "customAgents.getSource",
    operation: "copilot/get-copilot-custom-agents-source-for-enterprise",
    needs: "enterprise",
    params: enterprise,
  },
  {
    namespace: "usageRecords",
    method: "usageRecords.list",
    operation: "copilot/get-usage-records",
    needs: "enterprise",
    params: (t) => ({ enterprise: t.enterprise, per_page: 1 }),
  },
];

function hintFor(error: unknown): { status?: number; hint: string } {
  if (error instanceof CopilotApiError) {
    const fallback =
      error.status === 404
        ? "Not found: check the name, that Copilot is enabled there, and that the token can see it."
        : error.message;
    // Classic and OAuth tokens: GitHub lists the scopes held and the scopes that would do.
    const accepted = error.headers["x-accepted-oauth-scopes"];
    const held = error.headers["x-oauth-scopes"];
    const hint =
      error.status === 403 && held !== undefined && accepted
        ? `Needs one of the scopes ${accepted}; the token has ${held || "none"}.`
        : (error.hint ?? fallback);
    return { status: error.status, hint };
  }
  if (error instanceof CopilotError) return { hint: error.hint ?? error.message };
  return { hint: error instanceof Error ? error.message : String(error) };
}

/** The token the `auth` option yields now, classified; the token itself is dropped at once. */
async function kindOf(auth: AuthOption | undefined): Promise<TokenKind> {
  if (isGitHubAppAuth(auth)) return "github-app";
  if (typeof auth === "function") return tokenKindOf(await auth());
  return tokenKindOf(auth);
}

function render(report: Omit<DiagnoseReport, "toJSON" | "toString">): string {
  const where = [
    report.org && `org ${report.org}`,
    report.enterprise && `enterprise ${report.enterprise}`,
  ]
    .filter(Boolean)
    .join(", ");
  const lines = [
    `Token:  ${KIND_NAMES[report.tokenKind]}`,
    `Scopes: ${report.scopes === null ? "not reported (GitHub lists scopes for classic and OAuth tokens only)" : report.scopes.join(", ") || "(none)"}`,
    `Target: ${where || "(none given)"}`,
  ];
  const width = Math.max(...report.checks.map((c) => (c.method ?? c.namespace).length));
  for (const check of report.checks) {
    const mark = check.ok === null ? "-" : check.ok ? "ok" : "no";
    const status = check.status === undefined ? "   " : String(check.status);
    const label = (check.method ?? check.namespace).padEnd(width);
    lines.push(`  ${mark.padEnd(2)} ${label}  ${status}${check.hint ? `  ${check.hint}` : ""}`);
  }
  return lines.join("\n");
}

/**
 * Reads once per namespace for `org` and/or `enterprise` and reports the token's kind, its
 * scopes (where GitHub reports them) and, per namespace, `ok` / `status` / `hint`. Namespaces
 * that need a target not given (or a repository: `cloudAgent`; `teams` has no read) are listed
 * with `ok: null`. Failures are reported, never thrown.
 *
 * @throws {RequestValidationError} unless at least one of `org`, `enterprise` is a non-empty string.
 */
export async function diagnose(
  runner: OperationRunner,
  auth: AuthOption | undefined,
  target: { org?: string; enterprise?: string },
  options: RequestOptions = {},
): Promise<DiagnoseReport> {
  const given = (v: unknown) => typeof v === "string" && v.length > 0;
  if (!given(target?.org) && !given(target?.enterprise)) {
    throw new RequestValidationError({
      operation: "diagnose",
      issues: [{ path: ["org"], code: "invalid_scope", message: "give org, enterprise or both" }],
    });
  }
  const tokenKind = await kindOf(auth);
  let scopes: string[] | null = null;
  const noteScopes = (headers: Headers | Record<string, string> | undefined) => {
    const value =
      headers instanceof Headers ? headers.get("x-oauth-scopes") : headers?.["x-oauth-scopes"];
    if (typeof value === "string" && scopes === null)
      scopes = value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
  };
  const checks: NamespaceCheck[] = [];
  for (const probe of PROBES) {
    if (!given(target[probe.needs])) continue;
    try {
      const { meta, url } = runner.prepare(probe.operation, probe.params(target));
      const response = await runner.pipeline.send(
        { method: meta.method, url, route: meta.path, operation: meta.id },
        options,
      );
      noteScopes(response.headers);
      checks.push({
        namespace: probe.namespace,
        method: probe.method,
        ok: true,
        status: response.status,
      });
    } catch (error) {
      if (error instanceof CopilotApiError) noteScopes(error.headers);
      checks.push({
        namespace: probe.namespace,
        method: probe.method,
        ok: false,
        ...hintFor(error),
      });
    }
  }
  const untried: Record<string, string> = {
    teams: "not tried: teams has no read operation (seat assignment only)",
    metrics: "not tried: built on the reports (see reports)",
    cloudAgent: "not tried: needs a repository, cloudAgent.getConfiguration({ owner, repo })",
  };
  for (const probe of PROBES) untried[probe.namespace] ??= `not tried: needs ${probe.needs}`;
  for (const [namespace, hint] of Object.entries(untried)) {
    if (!checks.some((c) => c.namespace === namespace)) checks.push({ namespace, ok: null, hint });
  }
  const data = {
    tokenKind,
    scopes: scopes as string[] | null,
    ...(given(target.org) ? { org: target.org } : {}),
    ...(given(target.enterprise) ? { enterprise: target.enterprise } : {}),
    checks,
  };
  return {
    ...data,
    toJSON: () => ({ ...data, checks: data.checks.map((c) => ({ ...c })) }),
    toString: () => render(data),
  };
}

/**
 * Token and scope checks, as GitHub answers them for classic tokens:
 * 401 `Requires authentication` without a token, 401 `Bad credentials` for an
 * unknown one, 403 when the token lacks every scope the endpoint accepts, and
 * `x-oauth-scopes` / `x-accepted-oauth-scopes` headers on every answer
 * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps).
 */

/** Scopes a token is configured with. */
export interface TokenConfig {
  scopes: string[];
}

/** Every scope the Copilot endpoints accept; the default token holds them all. */
export const ALL_SCOPES = [
  "manage_billing:copilot",
  "admin:org",
  "admin:enterprise",
  "copilot",
  "repo",
] as const;

/** Scopes a parent scope includes (GitHub's scope hierarchy, the parts the Copilot API uses). */
const IMPLIED: Record<string, readonly string[]> = {
  "admin:org": ["write:org", "read:org"],
  "write:org": ["read:org"],
  "admin:enterprise": ["manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"],
  "manage_billing:enterprise": ["read:enterprise"],
};

/** The token of an `Authorization: Bearer …` or `token …` header, if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** The scopes a token holds, expanded through the hierarchy. */
export function expandScopes(scopes: readonly string[]): Set<string> {
  const all = new Set<string>();
  const visit = (scope: string) => {
    if (all.has(scope)) return;
    all.add(scope);
    for (const child of IMPLIED[scope] ?? []) visit(child);
  };
  for (const scope of scopes) visit(scope);
  return all;
}

/** Outcome of authenticating a request. */
export type AuthResult =
  | { ok: true; scopes: readonly string[] }
  | { ok: false; message: "Requires authentication" | "Bad credentials" };

/**
 * Authenticates a request. Without a `tokens` map any non-empty token is
 * accepted and holds every scope.
 */
export function authenticate(
  request: Request,
  tokens: Record<string, TokenConfig> | undefined,
): AuthResult {
  const token = bearerToken(request);
  if (!token) return { ok: false, message: "Requires authentication" };
  if (!tokens) return { ok: true, scopes: ALL_SCOPES };
  const config = tokens[token];
  return config ? { ok: true, scopes: config.scopes } : { ok: false, message: "Bad credentials" };
}

/** Whether a token's scopes satisfy any one of `accepted` (empty = no scope needed). */
export function hasAnyScope(held: readonly string[], accepted: readonly string[]): boolean {
  if (accepted.length === 0) return true;
  const expanded = expandScopes(held);
  return accepted.some((scope) => expanded.has(scope));
}

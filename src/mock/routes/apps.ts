/**
 * GitHub App installation tokens: the installation of an organization or the enterprise
 * (`GET /orgs/{org}/installation`, `GET /enterprises/{enterprise}/installation`) and the token
 * mint (`POST /app/installations/{installation_id}/access_tokens`), authenticated with the App's
 * JWT. The mock checks the JWT's shape only (three base64url parts, `alg: RS256`, numeric `iat`
 * and `exp` at most 10 minutes apart, an `iss`), never its signature. Minted `ghs_` tokens last
 * one hour of the mock clock and hold every scope; `revokeInstallationTokens(state)` makes
 * every request with one minted so far answer 401, as GitHub does for a revoked token.
 *
 * @see https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app
 */
import type { AuthResult } from "../auth.js";
import { ALL_SCOPES, bearerToken } from "../auth.js";
import { error, json, notFound } from "../http.js";
import type { Route, RouteContext } from "../router.js";
import type { MockState } from "../types.js";
import { findEnterprise, findOrg } from "./lookup.js";

const DOCS = "https://docs.github.com/rest/apps/apps";
/** Lifetime of an installation token (GitHub's: one hour), in ms. */
const TOKEN_LIFETIME_MS = 60 * 60_000;
/** Installation ids: the account's id plus this. */
const INSTALLATION_BASE = 40_000_000;

interface MintedToken {
  installationId: number;
  /** ms since the epoch, mock clock. */
  expiresAt: number;
}

const minted = new WeakMap<MockState, Map<string, MintedToken>>();
function tokensOf(state: MockState): Map<string, MintedToken> {
  const tokens = minted.get(state) ?? new Map<string, MintedToken>();
  minted.set(state, tokens);
  return tokens;
}

/** Makes every installation token minted so far answer 401 `Bad credentials`. */
export function revokeInstallationTokens(state: MockState): void {
  for (const minted of tokensOf(state).values()) minted.expiresAt = 0;
}

function base64urlJson(part: string | undefined): Record<string, unknown> | undefined {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const text = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a request carries something shaped like a GitHub App JWT. */
function hasAppJwt(request: Request): boolean {
  const [header, payload, signature, extra] = (bearerToken(request) ?? "").split(".");
  const head = base64urlJson(header);
  const claims = base64urlJson(payload);
  const { iat, exp, iss } = claims ?? {};
  return (
    extra === undefined &&
    head?.alg === "RS256" &&
    typeof iat === "number" &&
    typeof exp === "number" &&
    exp > iat &&
    exp - iat <= 11 * 60 &&
    (typeof iss === "number" || (typeof iss === "string" && iss.length > 0)) &&
    /^[A-Za-z0-9_-]+$/.test(signature ?? "")
  );
}

/**
 * The authentication of a request bearing an installation token this mock minted: every scope
 * while it lasts, 401 once expired or revoked. `undefined` for any other token (a `ghs_` token
 * the mock did not mint is checked like any token).
 */
export function installationTokenAuth(
  request: Request,
  state: MockState,
  now: Date,
): (AuthResult & { installation: true }) | undefined {
  const token = bearerToken(request);
  const found = token === undefined ? undefined : tokensOf(state).get(token);
  if (!found) return undefined;
  if (found.expiresAt > now.getTime()) return { ok: true, scopes: ALL_SCOPES, installation: true };
  return { ok: false, message: "Bad credentials", installation: true };
}

function installation(ctx: RouteContext, account: { login: string; id: number }, type: string) {
  return {
    id: INSTALLATION_BASE + account.id,
    account: { login: account.login, id: account.id, type },
    app_id: 1,
    app_slug: "copilot-automation",
    target_id: account.id,
    target_type: type,
    permissions: { organization_copilot_seat_management: "write", members: "read" },
    events: [],
    repository_selection: "all",
    access_tokens_url: `${ctx.origins.baseUrl}/app/installations/${INSTALLATION_BASE + account.id}/access_tokens`,
    created_at: "2026-01-05T10:00:00Z",
    updated_at: "2026-01-05T10:00:00Z",
  };
}

const jwtRequired = (docs: string) => error(401, "A JSON web token could not be decoded", docs);

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(27));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return `ghs_${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")}`;
}

/** App routes; `appJwt: true`: authenticated by the handler, with the App's JWT. */
export const appRoutes: Route[] = [
  {
    method: "GET",
    path: "/orgs/{org}/installation",
    scopes: [],
    appJwt: true,
    docs: `${DOCS}#get-an-organization-installation-for-the-authenticated-app`,
    handle(ctx) {
      if (!hasAppJwt(ctx.request)) return jwtRequired(this.docs);
      const org = findOrg(ctx);
      return org ? json(200, installation(ctx, org, "Organization")) : notFound(this.docs);
    },
  },
  {
    method: "GET",
    path: "/enterprises/{enterprise}/installation",
    scopes: [],
    appJwt: true,
    docs: `${DOCS}#get-an-enterprise-installation-for-the-authenticated-app`,
    handle(ctx) {
      if (!hasAppJwt(ctx.request)) return jwtRequired(this.docs);
      const enterprise = findEnterprise(ctx);
      return enterprise
        ? json(200, installation(ctx, { login: enterprise.slug, id: enterprise.id }, "Enterprise"))
        : notFound(this.docs);
    },
  },
  {
    method: "POST",
    path: "/app/installations/{installation_id}/access_tokens",
    scopes: [],
    appJwt: true,
    docs: `${DOCS}#create-an-installation-access-token-for-an-app`,
    handle(ctx) {
      if (!hasAppJwt(ctx.request)) return jwtRequired(this.docs);
      const id = Number(ctx.params.installation_id);
      const accounts = [ctx.state.enterprise.id, ...[...ctx.state.orgs.values()].map((o) => o.id)];
      if (!accounts.some((account) => INSTALLATION_BASE + account === id))
        return notFound(this.docs);
      const token = randomToken();
      const expiresAt = ctx.now.getTime() + TOKEN_LIFETIME_MS;
      tokensOf(ctx.state).set(token, { installationId: id, expiresAt });
      return json(201, {
        token,
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: { organization_copilot_seat_management: "write", members: "read" },
        repository_selection: "all",
      });
    },
  },
];

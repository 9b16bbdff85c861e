/**
 * `githubApp()`: GitHub App installation tokens for `auth`. The App's JWT comes from
 * `@octokit/auth-app` (an optional peer dependency, loaded on first use); the installation
 * lookup and the token mint go through the client's own pipeline (same `baseUrl`, retries,
 * throttle and hooks), so GHE.com works as api.github.com does.
 *
 * @see https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation
 */
import { CopilotError, RequestValidationError } from "../core/errors.js";
import type { AppRequestSender, GitHubAppAuth } from "../core/options.js";

/** Options of {@link githubApp}. Give `installationId`, or `org` / `enterprise` to look it up. */
export interface GitHubAppOptions {
  /** The App's id (or its client id). */
  appId: number | string;
  /** The App's private key, PEM (PKCS#1 or PKCS#8). Never logged, never rendered. */
  privateKey: string;
  /** The installation's id, when known. */
  installationId?: number;
  /** Looks the installation up with `GET /orgs/{org}/installation` when `installationId` is not given. */
  org?: string;
  /** Looks the installation up with `GET /enterprises/{enterprise}/installation` when `installationId` is not given. */
  enterprise?: string;
}

/** A cached installation token is renewed once it expires within this many ms (5 minutes). */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

const OPERATION = "githubApp";

function invalid(path: string, message: string): RequestValidationError {
  return new RequestValidationError({
    operation: OPERATION,
    issues: [{ path: [path], code: "invalid_option", message }],
  });
}

function checked(options: GitHubAppOptions): GitHubAppOptions {
  const { appId, privateKey, installationId, org, enterprise } = options ?? ({} as never);
  if (
    !(
      (typeof appId === "number" && Number.isInteger(appId) && appId > 0) ||
      (typeof appId === "string" && appId.length > 0)
    )
  )
    throw invalid("appId", "must be the App's id (a positive integer) or client id");
  if (typeof privateKey !== "string" || !privateKey.includes("PRIVATE KEY"))
    throw invalid("privateKey", "must be the App's private key in PEM form");
  if (installationId !== undefined && !(Number.isInteger(installationId) && installationId > 0))
    throw invalid("installationId", "must be a positive integer");
  const given = [installationId, org, enterprise].filter((v) => v !== undefined).length;
  if (given !== 1)
    throw invalid("installationId", "give exactly one of installationId, org and enterprise");
  for (const [key, value] of [
    ["org", org],
    ["enterprise", enterprise],
  ] as const) {
    if (
      value !== undefined &&
      (typeof value !== "string" || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value))
    )
      throw invalid(key, "must be a login");
  }
  return options;
}

type AppJwt = () => Promise<string>;

async function loadAppJwt(appId: number | string, privateKey: string): Promise<AppJwt> {
  let createAppAuth: typeof import("@octokit/auth-app").createAppAuth;
  try {
    ({ createAppAuth } = await import("@octokit/auth-app"));
  } catch (cause) {
    throw new CopilotError("githubApp() needs the @octokit/auth-app package", {
      cause,
      hint: "Install the optional peer dependency: npm install @octokit/auth-app",
    });
  }
  const auth = createAppAuth({ appId, privateKey });
  return async () => {
    try {
      return (await auth({ type: "app" })).token;
    } catch (cause) {
      // The library's message may quote the key; keep only its class.
      throw new CopilotError("githubApp(): could not sign the App's JWT with privateKey", {
        cause: new Error((cause as Error)?.name ?? "Error"),
        hint: "Pass the App's private key as downloaded from its settings page (a PEM file).",
      });
    }
  };
}

function installationIdOf(body: unknown, where: string): number {
  const id = (body as { id?: unknown } | null)?.id;
  if (typeof id === "number" && Number.isInteger(id) && id > 0) return id;
  throw new CopilotError(`githubApp(): ${where} answered without an installation id`);
}

function tokenOf(body: unknown): { token: string; expiresAt: number } {
  const { token, expires_at } = (body ?? {}) as { token?: unknown; expires_at?: unknown };
  const expiresAt = typeof expires_at === "string" ? Date.parse(expires_at) : Number.NaN;
  if (typeof token === "string" && token.length > 0 && Number.isFinite(expiresAt))
    return { token, expiresAt };
  throw new CopilotError("githubApp(): the installation token answer lacks token or expires_at");
}

/**
 * A GitHub App's installation tokens, for `new CopilotClient({ auth: githubApp({ ... }) })`.
 * Nothing is sent until the client's first request: then the installation is looked up (when
 * only `org` or `enterprise` is given), a token minted with
 * `POST /app/installations/{installation_id}/access_tokens`, and cached; it is renewed once it
 * expires within 5 minutes (tokens last one hour), and once more when GitHub answers a 401.
 * Concurrent requests share one mint. One object may serve several clients of the same `baseUrl`.
 *
 * Operations GitHub marks unavailable to App installations throw `UnsupportedTokenError`
 * before sending.
 *
 * @throws {RequestValidationError} at once for a missing `appId`, a `privateKey` that is not a
 *   PEM key, or not exactly one of `installationId`, `org`, `enterprise`.
 * Later, from the first request: {@link CopilotError} when `@octokit/auth-app` is not installed
 * (`hint`: `npm install @octokit/auth-app`); the lookup's or mint's HTTP errors (e.g.
 * {NotFoundError} when the App is not installed on the org).
 */
export function githubApp(options: GitHubAppOptions): GitHubAppAuth {
  const { appId, privateKey, org, enterprise } = checked(options);
  let installationId = options.installationId;
  let jwt: Promise<AppJwt> | undefined;
  let cached: { token: string; expiresAt: number } | undefined;
  let minting: Promise<string> | undefined;

  async function mint(send: AppRequestSender): Promise<string> {
    jwt ??= loadAppJwt(appId, privateKey);
    const appJwt = await (await jwt)();
    if (installationId === undefined) {
      const route = org ? "/orgs/{org}/installation" : "/enterprises/{enterprise}/installation";
      const path = org
        ? `/orgs/${encodeURIComponent(org)}/installation`
        : `/enterprises/${encodeURIComponent(enterprise ?? "")}/installation`;
      installationId = installationIdOf(
        await send({ method: "GET", path, route, jwt: appJwt }),
        path,
      );
    }
    cached = tokenOf(
      await send({
        method: "POST",
        path: `/app/installations/${installationId}/access_tokens`,
        route: "/app/installations/{installation_id}/access_tokens",
        jwt: appJwt,
      }),
    );
    return cached.token;
  }

  const auth: GitHubAppAuth = {
    type: "github-app",
    appId,
    token(send) {
      if (cached && cached.expiresAt - Date.now() > RENEW_BEFORE_EXPIRY_MS)
        return Promise.resolve(cached.token);
      minting ??= mint(send).finally(() => {
        minting = undefined;
      });
      return minting;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
  Object.defineProperty(auth, "toJSON", { value: () => ({ type: "github-app", appId }) });
  return auth;
}

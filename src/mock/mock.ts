/**
 * `createCopilotMock`: a stateful fake of GitHub's Copilot REST API for msw.
 * Every request is recorded, passes through the fault controls, then is
 * answered by the route table (API origin) or the report file server
 * (download origin), with GitHub's headers, errors and pagination.
 */
import { type HttpHandler, HttpResponse, http } from "msw";
import { authenticate, bearerToken, hasAnyScope, type TokenConfig } from "./auth.js";
import { isoTimestamp } from "./dates.js";
import { type ForcedResponse, MockFaults } from "./faults.js";
import { DOCS, error, json, notFound } from "./http.js";
import {
  BadJsonError,
  findRoute,
  type MockOrigins,
  type RouteContext,
  relativePath,
} from "./router.js";
import { installationTokenAuth } from "./routes/apps.js";
import { serveDownload } from "./routes/downloads.js";
import { routes } from "./routes/index.js";
import { createState, DEFAULT_SEED } from "./seed.js";
import type { MockSeed, MockState } from "./types.js";

/** Options of `createCopilotMock`. */
export interface CopilotMockOptions {
  /** What to generate; see `MockSeed` for the defaults. */
  seed?: MockSeed;
  /** API base URL the handlers answer on. Default `https://api.github.com`; a path prefix is allowed. */
  baseUrl?: string;
  /** Origin serving report files (`download_links`). Default `https://copilot-reports.mock.test` (never resolves). */
  downloadOrigin?: string;
  /**
   * Accepted tokens and their classic scopes. Default: any non-empty token is
   * accepted with every scope the Copilot endpoints accept.
   */
  tokens?: Record<string, TokenConfig>;
  /** Clock, for state generation, `created_at` of new seats, cancellation dates, link expiry. Default `() => new Date()`. */
  now?: () => Date;
  /** How many requests `mock.requests` keeps (oldest dropped first). Default 10 000. */
  maxRecordedRequests?: number;
}

/** One request the mock received. */
export interface RecordedRequest {
  method: string;
  /** Full URL as received. */
  url: string;
  /** Path (plus query) relative to the base URL or download origin. */
  path: string;
  origin: "api" | "download";
  /** Header names lower-cased. Includes `authorization` as sent: assert on it, never log it. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when not JSON, or undefined. */
  body: unknown;
  /** ISO 8601 time of receipt (mock clock). */
  at: string;
  /** Status answered; 0 for a dropped connection; undefined while in flight. */
  status?: number;
}

/** A Copilot API mock. */
export interface CopilotMock {
  /** msw handlers for the configured base URL and download origin. */
  readonly handlers: HttpHandler[];
  /** The in-memory data. Replaced by `reset()`; after editing it directly, bump `state.version`. */
  readonly state: MockState;
  readonly faults: MockFaults;
  /** Requests received, oldest first (the latest `maxRecordedRequests`). */
  readonly requests: RecordedRequest[];
  /** The origins `handlers` answer on. */
  readonly origins: MockOrigins;
  /** Regenerates the state from the seed and clears `requests` and `faults`. */
  reset(): void;
  /** msw handlers over the same state for other origins (used by `startMockServer`). */
  handlersFor(origins: MockOrigins): HttpHandler[];
  /** Answers one request as the handlers would; `undefined` when it is outside `origins`. */
  handle(request: Request, origins?: MockOrigins): Promise<Response | undefined>;
}

/** Default download origin: the reserved `.test` TLD never resolves, so leaks fail fast. */
export const DEFAULT_DOWNLOAD_ORIGIN = "https://copilot-reports.mock.test";

function webUrl(baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  return host.startsWith("api.") && host.endsWith(".ghe.com")
    ? `https://${host.slice(4)}`
    : "https://github.com";
}

function forced(answer: ForcedResponse): Response {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.retryAfter !== undefined) headers["retry-after"] = String(answer.retryAfter);
  if (answer.body === undefined) return new Response(null, { status: answer.status, headers });
  if (typeof answer.body === "string") {
    return new Response(answer.body, {
      status: answer.status,
      headers: { "content-type": "text/plain", ...headers },
    });
  }
  return json(answer.status, answer.body, headers);
}

async function truncated(response: Response): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json; charset=utf-8");
  const cut = text.length > 2 ? text.slice(0, Math.ceil(text.length / 2)) : "{";
  return new Response(cut, { status: response.status === 204 ? 200 : response.status, headers });
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Creates a mock. Same `seed` (and clock), same data. */
export function createCopilotMock(options: CopilotMockOptions = {}): CopilotMock {
  const now = options.now ?? (() => new Date());
  const seed = { ...DEFAULT_SEED, ...options.seed };
  const origins: MockOrigins = {
    baseUrl: (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""),
    downloadOrigin: (options.downloadOrigin ?? DEFAULT_DOWNLOAD_ORIGIN).replace(/\/+$/, ""),
  };
  const secret = `mock-secret-${seed.random}`;
  const faults = new MockFaults(now);
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  const requests: RecordedRequest[] = [];
  let state = createState(seed, now());
  let served = 0;

  let windowReset = 0;
  let used = 0;

  /**
   * Headers GitHub sends on every REST answer. The rate-limit counters are
   * informational (they count down per hour and never refuse a request:
   * use `faults.primaryLimit()` for that).
   */
  function commonHeaders(request: Request, at: Date): Record<string, string> {
    served++;
    const seconds = Math.floor(at.getTime() / 1000);
    if (seconds >= windowReset) {
      windowReset = seconds + 3_600;
      used = 0;
    }
    used++;
    return {
      "x-github-request-id": `MOCK:${served.toString(16).toUpperCase().padStart(6, "0")}:${seed.random}`,
      "x-github-api-version-selected": request.headers.get("x-github-api-version") ?? "2022-11-28",
      "x-github-media-type": "github.v3; format=json",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(Math.max(5_000 - used, 0)),
      "x-ratelimit-used": String(Math.min(used, 5_000)),
      "x-ratelimit-reset": String(windowReset),
      "x-ratelimit-resource": "core",
    };
  }

  /** Answers an API request; `headers` are the scope headers GitHub adds once a token is known. */
  async function api(
    request: Request,
    on: MockOrigins,
    path: string,
    bodyText: string,
  ): Promise<{ response: Response; headers: Record<string, string> }> {
    const found = findRoute(routes, request.method, path);
    if (found === null || found === "method") return { response: notFound(), headers: {} };
    const { route, params } = found;
    const installation = installationTokenAuth(request, state, now());
    const auth = route.appJwt
      ? ({ ok: true, scopes: [] } as const)
      : (installation ?? authenticate(request, options.tokens));
    if (!auth.ok) return { response: error(401, auth.message, DOCS), headers: {} };
    // GitHub reports scopes for classic and OAuth tokens only.
    const headers: Record<string, string> =
      installation || bearerToken(request)?.startsWith("github_pat_")
        ? {}
        : {
            "x-oauth-scopes": auth.scopes.join(", "),
            "x-accepted-oauth-scopes": route.scopes.join(", "),
          };
    if (!hasAnyScope(auth.scopes, route.scopes)) {
      return {
        response: error(403, "Resource not accessible by personal access token", route.docs),
        headers,
      };
    }
    const ctx: RouteContext = {
      request,
      url: new URL(request.url),
      params,
      origins: on,
      render: { api: on.baseUrl, web: webUrl(on.baseUrl) },
      state,
      now: now(),
      secret,
      async json() {
        if (bodyText.trim() === "") return undefined;
        try {
          return JSON.parse(bodyText);
        } catch {
          throw new BadJsonError("Problems parsing JSON");
        }
      },
    };
    return { response: await route.handle(ctx), headers };
  }

  async function handle(
    request: Request,
    on: MockOrigins = origins,
  ): Promise<Response | undefined> {
    const url = new URL(request.url);
    const downloadPath = relativePath(url, on.downloadOrigin);
    const apiPath = downloadPath === null ? relativePath(url, on.baseUrl) : null;
    if (downloadPath === null && apiPath === null) return undefined;
    const origin = downloadPath !== null ? "download" : "api";
    const bodyText = request.body ? await request.clone().text() : "";
    const received = now();
    const record: RecordedRequest = {
      method: request.method,
      url: request.url,
      path: `${downloadPath ?? apiPath}${url.search}`,
      origin,
      headers: Object.fromEntries(request.headers),
      body: parseBody(bodyText),
      at: isoTimestamp(received),
    };
    requests.push(record);
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
    const latency = faults.latencyFor(request);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const decision = faults.take({
      origin,
      method: request.method,
      path: downloadPath ?? apiPath ?? "",
    });
    if (decision.kind === "drop") {
      // The answer is lost; with afterApply the request was processed first.
      if (decision.afterApply && origin === "api") await api(request, on, apiPath ?? "", bodyText);
      record.status = 0;
      return HttpResponse.error();
    }
    let extra: Record<string, string> = {};
    let response: Response;
    if (decision.kind === "respond") response = forced(decision.response);
    else if (origin === "download") {
      response = serveDownload(request, downloadPath ?? "", url.searchParams, state, secret, now());
    } else {
      ({ response, headers: extra } = await api(request, on, apiPath ?? "", bodyText));
    }
    if (origin === "api") {
      const headers = { ...commonHeaders(request, received), ...extra };
      for (const [name, value] of Object.entries(headers)) {
        if (!response.headers.has(name)) response.headers.set(name, value);
      }
    }
    if (decision.kind === "malformed-json") response = await truncated(response);
    record.status = response.status;
    return response;
  }

  function handlersFor(on: MockOrigins): HttpHandler[] {
    const normalized = {
      baseUrl: on.baseUrl.replace(/\/+$/, ""),
      downloadOrigin: on.downloadOrigin.replace(/\/+$/, ""),
    };
    // Wildcard URL paths (not custom predicates) keep this working on every msw 2.x.
    const resolver = ({ request }: { request: Request }) => handle(request, normalized);
    return [
      http.all(`${normalized.baseUrl}/*`, resolver),
      http.all(`${normalized.downloadOrigin}/*`, resolver),
    ];
  }

  return {
    handlers: handlersFor(origins),
    get state() {
      return state;
    },
    faults,
    requests,
    origins,
    reset() {
      state = createState(seed, now());
      requests.length = 0;
      faults.clear();
      served = 0;
      used = 0;
      windowReset = 0;
    },
    handlersFor,
    handle,
  };
}

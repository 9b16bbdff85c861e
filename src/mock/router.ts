/**
 * The route table contract: each API route declares its method, path template,
 * accepted token scopes and docs URL, and a handler over a `RouteContext`.
 * Paths are matched relative to the configured base URL, so a GHE.com base URL
 * or one with a path prefix works the same.
 */

import { type OperationAccess, operationAccess } from "../../generated/access.js";
import type { OperationId } from "../../generated/operations.js";
import type { RenderContext } from "./render.js";
import type { MockState } from "./types.js";
/** Base URLs a set of handlers answers on. */
export interface MockOrigins {
  /** API base URL, no trailing slash (e.g. `https://api.github.com`, `http://127.0.0.1:4010`). */
  baseUrl: string;
  /** Origin (optionally with a path prefix) serving report files. */
  downloadOrigin: string;
}

/** What a route handler gets. */
export interface RouteContext {
  request: Request;
  url: URL;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  origins: MockOrigins;
  render: RenderContext;
  state: MockState;
  now: Date;
  /** Secret the download links are signed with. */
  secret: string;
  /** The parsed JSON body; `undefined` when the request has none. Throws `BadJsonError`. */
  json(): Promise<unknown>;
}

/** One API route. */
export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Template relative to the base URL, e.g. `/orgs/{org}/copilot/billing`. */
  path: string;
  /** Classic-token scopes, any one of which is enough (from GitHub's docs of the endpoint). */
  scopes: readonly string[];
  /** GitHub docs URL of the endpoint, used in error bodies. */
  docs: string;
  /** The handler authenticates the request itself, with a GitHub App's JWT (no token check). */
  appJwt?: boolean;
  handle(ctx: RouteContext): Response | Promise<Response>;
}

/**
 * The method, path, token scopes and docs URL of a spec operation, from the generated
 * metadata (`x-oauth-scopes`, `externalDocs`), for a route to spread: the mock restates none
 * of what the spec says.
 */
export function fromSpec(id: OperationId): Pick<Route, "method" | "path" | "scopes" | "docs"> {
  const meta: OperationAccess = operationAccess[id];
  return { method: meta.method, path: meta.path, scopes: meta.scopes, docs: meta.docs };
}

/**
 * {@link fromSpec} for the operation at `method path` (a template of the spec), for routes
 * declared over several account kinds at once (`/enterprises/{enterprise}`, `/organizations/{org}`,
 * `/users/{username}`). @throws TypeError when the spec has no such operation.
 */
export function specRoute(
  method: Route["method"],
  path: string,
): Pick<Route, "method" | "path" | "scopes" | "docs"> {
  const found = Object.entries(operationAccess).find(
    ([, meta]) => meta.method === method && meta.path === path,
  );
  if (!found) throw new TypeError(`the bundled spec has no operation ${method} ${path}`);
  return fromSpec(found[0] as OperationId);
}

/** Thrown by `ctx.json()` when the body is not JSON; answered 400 `Problems parsing JSON`. */
export class BadJsonError extends Error {}

/** Matches a relative path against a template; returns the decoded params or null. */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const want = template.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith("{") && w.endsWith("}")) {
      if (g === "") return null;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** The route for a method and relative path: `{ route, params }`, `"method"` if only the method differs, or null. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | "method" | null {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? "method" : null;
}

/** The path of `url` relative to `base` (which may carry a path prefix), or null when outside it. */
export function relativePath(url: URL, base: string): string | null {
  const baseUrl = new URL(base);
  if (url.origin !== baseUrl.origin) return null;
  const prefix = baseUrl.pathname.replace(/\/+$/, "");
  if (prefix === "") return url.pathname;
  if (url.pathname === prefix) return "/";
  return url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : null;
}

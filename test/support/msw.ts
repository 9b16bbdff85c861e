/**
 * Shared msw setup for client tests: an in-process server that fails on any
 * unhandled request (nothing may reach the network), and a log of what it saw.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

export const API = "https://api.github.com";
export const TOKEN = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

/** Requests the server received, cloned, in order. */
export interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** The request an operation case expects: method, path, query parameters and JSON body. */
export interface ExpectedRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/** Asserts that `seen` holds exactly one request, the `expected` one, and returns it. */
export function expectOneRequest(
  seen: readonly Seen[],
  expected: ExpectedRequest,
): Seen | undefined {
  expect(seen).toHaveLength(1);
  const [request] = seen;
  expect(request?.method).toBe(expected.method);
  expect(request?.url.pathname).toBe(expected.path);
  expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual(expected.query ?? {});
  expect(request?.body).toEqual(expected.body);
  return request;
}

/** Starts an msw server for the calling test file and returns it with the request log. */
export function useMsw() {
  const server = setupServer();
  const seen: Seen[] = [];
  server.events.on("request:start", async ({ request }) => {
    const text = await request.clone().text();
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}

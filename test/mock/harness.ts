/** Shared test harness: a mock behind msw's `setupServer`, a settable clock, and a fetch helper. */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  type CopilotMock,
  type CopilotMockOptions,
  createCopilotMock,
} from "../../src/mock/index.js";

export const API = "https://api.github.com";
export const START = new Date("2026-03-15T12:00:00Z");

/** A mutable clock the mock reads through `now`. */
export const clock = { now: START };

/** Creates a mock on msw for the current test file; state, faults and clock reset before each test. */
export function useMock(options: CopilotMockOptions = {}): CopilotMock {
  const mock = createCopilotMock({
    now: () => clock.now,
    seed: { orgs: ["octo-org", "octo-labs"], seats: 60, random: 42 },
    ...options,
  });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  beforeEach(() => {
    clock.now = START;
    mock.reset();
  });
  afterAll(() => server.close());
  return mock;
}

/** Answer of `call`: status, headers and the parsed JSON body (or text, or null). */
export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected field by field
  body: any;
}

/** Sends a request to the mock's API origin with a default token. */
export async function call(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    token?: string | null;
    base?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    accept: "application/vnd.github+json",
    ...init.headers,
  };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? "test-token"}`;
  const request: RequestInit = { method: init.method ?? "GET", headers };
  if (init.body !== undefined) {
    request.body = JSON.stringify(init.body);
    headers["content-type"] = "application/json";
  }
  const url = path.startsWith("http") ? path : `${init.base ?? API}${path}`;
  const response = await fetch(url, request);
  const text = await response.text();
  let body: unknown = null;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body };
}

/** Every seat of an org listing, following `Link: rel="next"`. */
// biome-ignore lint/suspicious/noExplicitAny: seats are checked field by field
export async function listAll(path: string): Promise<any[]> {
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const seats: any[] = [];
  let next: string | undefined = `${API}${path}${path.includes("?") ? "&" : "?"}per_page=100`;
  for (let guard = 0; next && guard < 200; guard++) {
    const answer = await call(next);
    seats.push(...answer.body.seats);
    next = /<([^>]+)>; rel="next"/.exec(answer.headers.get("link") ?? "")?.[1];
  }
  return seats;
}

import { describe, expect, it } from "vitest";
import { detectRateLimit, parseRetryAfter } from "../../src/internal/resilience/rate-limit.js";

const SERVER_NOW = Date.parse("2026-03-10T12:00:00Z");
const SERVER_DATE = new Date(SERVER_NOW).toUTCString();
// The local clock is an hour ahead of GitHub's: waits must not depend on it.
const SKEWED_LOCAL_NOW = SERVER_NOW + 3_600_000;

function response(status: number, headers: Record<string, string>, body: unknown = undefined) {
  return { status, headers: new Headers(headers), body };
}

describe("detectRateLimit", () => {
  it("reads a 429 retry-after in seconds", () => {
    const details = detectRateLimit(response(429, { "retry-after": "30" }), SERVER_NOW);
    expect(details).toEqual({
      kind: "secondary",
      retryAfterMs: 30_000,
      resetAt: new Date(SERVER_NOW + 30_000),
    });
  });

  it("measures a retry-after HTTP-date against the response Date header, not the local clock", () => {
    const retryAt = new Date(SERVER_NOW + 45_000).toUTCString();
    const details = detectRateLimit(
      response(429, { "retry-after": retryAt, date: SERVER_DATE }),
      SKEWED_LOCAL_NOW,
    );
    expect(details?.retryAfterMs).toBe(45_000);
    expect(details?.resetAt?.getTime()).toBe(SKEWED_LOCAL_NOW + 45_000);
  });

  it.each([
    ["0", "0"],
    ["garbage", "soon"],
    ["a past HTTP-date", new Date(SERVER_NOW - 10_000).toUTCString()],
    ["a negative number", "-5"],
  ])("turns a retry-after of %s into the 1 s minimum", (_label, value) => {
    const details = detectRateLimit(
      response(429, { "retry-after": value, date: SERVER_DATE }),
      SKEWED_LOCAL_NOW,
    );
    expect(details?.retryAfterMs).toBe(1_000);
  });

  it("recognises a 403 secondary-limit message without retry-after, leaving the wait unknown", () => {
    const details = detectRateLimit(
      response(403, {}, { message: "You have exceeded a secondary rate limit. Please wait." }),
    );
    expect(details).toEqual({ kind: "secondary", retryAfterMs: undefined, resetAt: undefined });
  });

  it("recognises a 403 secondary-limit message with retry-after, and a text body", () => {
    expect(
      detectRateLimit(
        response(
          403,
          { "retry-after": "60" },
          { message: "You have exceeded a SECONDARY RATE LIMIT" },
        ),
      ),
    ).toMatchObject({ kind: "secondary", retryAfterMs: 60_000 });
    expect(
      detectRateLimit(response(403, {}, "API rate limit exceeded for installation")),
    ).toMatchObject({ kind: "secondary" });
  });

  it("a 403 with a retry-after header alone is a rate limit", () => {
    expect(detectRateLimit(response(403, { "retry-after": "5" }))?.retryAfterMs).toBe(5_000);
  });

  it("reads x-ratelimit-reset against the Date header (+1 s) for a primary limit", () => {
    const reset = Math.floor(SERVER_NOW / 1000) + 120;
    const details = detectRateLimit(
      response(
        403,
        { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset), date: SERVER_DATE },
        { message: "API rate limit exceeded for user ID 1." },
      ),
      SKEWED_LOCAL_NOW,
    );
    expect(details).toEqual({
      kind: "primary",
      retryAfterMs: reset * 1000 - SERVER_NOW + 1000,
      resetAt: new Date(SKEWED_LOCAL_NOW + reset * 1000 - SERVER_NOW + 1000),
    });
  });

  it("prefers retry-after over x-ratelimit-reset", () => {
    const reset = Math.floor(SERVER_NOW / 1000) + 600;
    const details = detectRateLimit(
      response(429, {
        "retry-after": "7",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
        date: SERVER_DATE,
      }),
    );
    expect(details).toMatchObject({ kind: "primary", retryAfterMs: 7_000 });
  });

  it("calls remaining 0 with a secondary message secondary", () => {
    const details = detectRateLimit(
      response(403, { "x-ratelimit-remaining": "0" }, { message: "secondary rate limit" }),
    );
    expect(details?.kind).toBe("secondary");
  });

  it("a reset already past gives the 1 s minimum", () => {
    const reset = Math.floor(SERVER_NOW / 1000) - 30;
    const details = detectRateLimit(
      response(403, {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
        date: SERVER_DATE,
      }),
    );
    expect(details?.retryAfterMs).toBe(1_000);
  });

  it.each([
    ["a plain 403", response(403, { "x-ratelimit-remaining": "4999" }, { message: "Forbidden" })],
    [
      "a SAML SSO 403",
      response(
        403,
        {
          "x-github-sso":
            "required; url=https://github.com/orgs/octo-org/sso?authorization_request=A",
        },
        { message: "Resource protected by organization SAML enforcement." },
      ),
    ],
    [
      "Resource not accessible by integration",
      response(403, {}, { message: "Resource not accessible by integration" }),
    ],
    ["a 500", response(500, { "retry-after": "5" })],
    ["a 200 with remaining 0", response(200, { "x-ratelimit-remaining": "0" })],
  ])("%s is not a rate limit", (_label, res) => {
    expect(detectRateLimit(res)).toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP-dates relative to the given server time", () => {
    expect(parseRetryAfter(" 12 ", SERVER_NOW)).toBe(12_000);
    expect(parseRetryAfter(new Date(SERVER_NOW + 90_000).toUTCString(), SERVER_NOW)).toBe(90_000);
  });
});

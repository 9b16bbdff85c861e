import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  CopilotApiError,
  ResponseValidationError,
  TimeoutError,
} from "../../src/core/errors.js";
import {
  isAmbiguousFailure,
  isCertainlyNotApplied,
  isSafeToResend,
  isUncertain,
  markUncertain,
  provesApplied,
} from "../../src/internal/resilience/outcome.js";
import {
  clientError,
  connectionError,
  rateLimitError,
  serverError,
  timeoutError,
} from "./fixtures.js";

describe("attempt outcomes", () => {
  it.each([
    ["502", serverError(502, "POST")],
    ["500", serverError(500, "POST")],
    ["a timeout", timeoutError("POST")],
    ["ECONNRESET", connectionError("ECONNRESET", "POST")],
    ["UND_ERR_SOCKET", connectionError("UND_ERR_SOCKET", "POST")],
  ])("%s may have been applied", (_label, error) => {
    expect(isAmbiguousFailure(error)).toBe(true);
    expect(isCertainlyNotApplied(error)).toBe(false);
  });

  it.each([
    ["ECONNREFUSED", connectionError("ECONNREFUSED", "POST")],
    ["ENOTFOUND", connectionError("ENOTFOUND", "POST")],
    ["EAI_AGAIN", connectionError("EAI_AGAIN", "POST")],
    ["a connect timeout", connectionError("UND_ERR_CONNECT_TIMEOUT", "POST")],
    ["a rate limit", rateLimitError({}, "POST")],
    ["422", clientError(422, "POST")],
    ["501", serverError(501, "POST")],
  ])("%s surely was not applied", (_label, error) => {
    expect(isAmbiguousFailure(error)).toBe(false);
    expect(isCertainlyNotApplied(error)).toBe(true);
  });

  const url = "https://api.github.com/orgs/o/copilot/billing/selected_users";

  it.each([
    ["a 201 whose body was cut off", new ConnectionError({ method: "POST", url, status: 201 })],
    [
      "a 200 whose body timed out",
      new TimeoutError({ method: "DELETE", url, timeoutMs: 10, status: 200 }),
    ],
    [
      "a 2xx whose body is not JSON",
      new ResponseValidationError({
        operation: "copilot/add-copilot-seats-for-users",
        issues: [{ path: [], code: "invalid_json", message: "Unexpected end of JSON input" }],
      }),
    ],
  ])(
    "%s proves the change applied: neither ambiguous, nor refused, nor resendable",
    (_l, error) => {
      expect(provesApplied(error)).toBe(true);
      expect(isAmbiguousFailure(error)).toBe(false);
      expect(isCertainlyNotApplied(error)).toBe(false);
      expect(isSafeToResend(error)).toBe(false);
    },
  );

  it("a redirect without Location: 301/302/303 may follow an applied request, 307/308 do not", () => {
    const redirect = (status: number) => new CopilotApiError({ status, method: "POST", url });
    for (const status of [301, 302, 303]) expect(isAmbiguousFailure(redirect(status))).toBe(true);
    for (const status of [307, 308]) {
      expect(isAmbiguousFailure(redirect(status))).toBe(false);
      expect(isCertainlyNotApplied(redirect(status))).toBe(true);
    }
  });

  it("a body cut off after a 502 is ambiguous; after a 422, a refusal", () => {
    expect(isAmbiguousFailure(new ConnectionError({ method: "POST", url, status: 502 }))).toBe(
      true,
    );
    const refused = new ConnectionError({ method: "POST", url, status: 422 });
    expect(isAmbiguousFailure(refused)).toBe(false);
    expect(isCertainlyNotApplied(refused)).toBe(true);
    expect(isSafeToResend(refused)).toBe(false);
  });

  it("only a rate limit or a connection never made is safe to resend", () => {
    expect(isSafeToResend(rateLimitError({}, "POST"))).toBe(true);
    expect(isSafeToResend(connectionError("ECONNREFUSED", "POST"))).toBe(true);
    expect(isSafeToResend(connectionError("ECONNRESET", "POST"))).toBe(false);
    expect(isSafeToResend(serverError(503, "POST"))).toBe(false);
    expect(isSafeToResend(clientError(422, "POST"))).toBe(false);
  });

  it("the uncertain mark is invisible to JSON and survives wrapping", () => {
    const error = serverError(502, "POST");
    expect(isUncertain(error)).toBe(false);
    markUncertain(error);
    expect(isUncertain(error)).toBe(true);
    expect(JSON.stringify(error)).toBe(JSON.stringify(serverError(502, "POST")));
    expect(isUncertain(new Error("outer", { cause: new Error("mid", { cause: error }) }))).toBe(
      true,
    );
    expect(isUncertain(undefined)).toBe(false);
    expect(isUncertain("502")).toBe(false);
  });
});

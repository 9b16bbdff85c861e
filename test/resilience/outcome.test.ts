import { describe, expect, it } from "vitest";
import {
  isAmbiguousFailure,
  isCertainlyNotApplied,
  isUncertain,
  markUncertain,
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

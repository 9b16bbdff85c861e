import { describe, expect, it } from "vitest";
import { call, clock, useMock } from "./harness.js";

useMock({
  tokens: {
    "read-only": { scopes: ["read:org"] },
    "billing-admin": { scopes: ["manage_billing:copilot"] },
    "org-admin": { scopes: ["admin:org"] },
  },
});

describe("authentication and scopes", () => {
  it("answers 401 Requires authentication without a token", async () => {
    const answer = await call("/orgs/octo-org/copilot/billing", { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ message: "Requires authentication", status: "401" });
  });

  it("answers 401 Bad credentials for a token it does not know", async () => {
    const answer = await call("/orgs/octo-org/copilot/billing", { token: "stolen" });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toBe("Bad credentials");
  });

  it("answers 403 when the token lacks every accepted scope, and says which scopes it accepts", async () => {
    const answer = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "POST",
      token: "read-only",
      body: { selected_usernames: ["x"] },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get("x-accepted-oauth-scopes")).toBe("manage_billing:copilot, admin:org");
    expect(answer.headers.get("x-oauth-scopes")).toBe("read:org");
  });

  it("accepts any one of the documented scopes, including implied ones", async () => {
    expect((await call("/orgs/octo-org/copilot/billing", { token: "read-only" })).status).toBe(200);
    expect((await call("/orgs/octo-org/copilot/billing", { token: "billing-admin" })).status).toBe(
      200,
    );
    // admin:org includes read:org
    expect(
      (
        await call("/orgs/octo-org/copilot/metrics/reports/organization-28-day/latest", {
          token: "org-admin",
        })
      ).status,
    ).toBe(200);
    // reports accept read:org only, not manage_billing:copilot
    expect(
      (
        await call("/orgs/octo-org/copilot/metrics/reports/organization-28-day/latest", {
          token: "billing-admin",
        })
      ).status,
    ).toBe(403);
  });

  it("sends GitHub's headers on every API answer", async () => {
    const answer = await call("/orgs/octo-org/copilot/billing", {
      token: "read-only",
      headers: { "x-github-api-version": "2026-03-10" },
    });
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(answer.headers.get("x-github-request-id")).toMatch(/^MOCK:/);
    expect(answer.headers.get("x-github-api-version-selected")).toBe("2026-03-10");
    expect(Number(answer.headers.get("x-ratelimit-remaining"))).toBeLessThan(5000);
  });

  it("answers 404 for paths outside the Copilot API", async () => {
    expect((await call("/orgs/octo-org/repos", { token: "read-only" })).status).toBe(404);
  });

  it("counts x-ratelimit-remaining down within the hour and resets after it", async () => {
    const first = await call("/orgs/octo-org/copilot/billing", { token: "read-only" });
    const second = await call("/orgs/octo-org/copilot/billing", { token: "read-only" });
    expect(Number(second.headers.get("x-ratelimit-remaining"))).toBe(
      Number(first.headers.get("x-ratelimit-remaining")) - 1,
    );
    const reset = Number(first.headers.get("x-ratelimit-reset"));
    expect(reset).toBe(clock.now.getTime() / 1000 + 3_600);
    clock.now = new Date(reset * 1000);
    const later = await call("/orgs/octo-org/copilot/billing", { token: "read-only" });
    expect(later.headers.get("x-ratelimit-remaining")).toBe("4999");
  });
});

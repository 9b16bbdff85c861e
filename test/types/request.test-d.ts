import { describe, expectTypeOf, it } from "vitest";
import type { CopilotClient, OrganizationBilling } from "../../src/index.js";

declare const client: CopilotClient;

describe("client.request types", () => {
  it("types parameters and results from method + path", () => {
    expectTypeOf(
      client.request("get", "/orgs/{org}/copilot/billing", { org: "octo" }),
    ).resolves.toEqualTypeOf<OrganizationBilling>();
    // @ts-expect-error a misspelt path parameter
    client.request("get", "/orgs/{org}/copilot/billing", { orgg: "octo" });
    // @ts-expect-error no such operation
    client.request("patch", "/orgs/{org}/copilot/billing", { org: "octo" });
    expectTypeOf(
      client.request("post", "/orgs/{org}/copilot/billing/selected_users", {
        org: "o",
        selected_usernames: ["a"],
      }),
    ).resolves.toHaveProperty("seats_created");
    expectTypeOf(
      client.request("get", "/orgs/{org}/copilot/metrics/reports/organization-1-day", {
        org: "o",
        day: new Date(),
      }),
    ).resolves.toEqualTypeOf<Awaited<ReturnType<CopilotClient["reports"]["orgDaily"]>>>();
  });
});

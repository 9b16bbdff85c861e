/**
 * The public surface as a user sees it, imported only from the two package entries
 * (src/index.ts and src/mock/index.ts): parameters use GitHub's wire names and reject
 * others, results are the generated types, a Paginator yields items (not pages), and the
 * errors carry typed fields. Compiled under the repository's strictest flags
 * (exactOptionalPropertyTypes, noUncheckedIndexedAccess).
 */
import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/openapi.js";
import type { OperationResult as GeneratedResult } from "../../generated/types.js";
import {
  type BulkOperationError,
  type CopilotApiError,
  CopilotClient,
  type CopilotError,
  type DayTotals,
  dedupeSeats,
  type InactiveReport,
  type MetricsIterable,
  type OperationParams,
  type OperationResult,
  type OrganizationBilling,
  type Page,
  type Paginator,
  type RateLimitError,
  type ReclaimResult,
  type ReportLinks,
  type RequestValidationError,
  type ResponseValidationError,
  type Seat,
  type TeamDayTotals,
  type UserDayRecord,
  VERSION,
} from "../../src/index.js";
import {
  type CopilotMock,
  createCopilotMock,
  type MockServer,
  startMockServer,
} from "../../src/mock/index.js";

declare const client: CopilotClient;

describe("CopilotClient options", () => {
  it("accepts a token or a token function and rejects unknown option names", () => {
    new CopilotClient({ auth: "ghp_x" });
    new CopilotClient({ auth: async () => "ghs_installation" });
    new CopilotClient({ previews: ["content-exclusion"], validation: "warn", retry: false });
    // @ts-expect-error: the option is `auth`, not `token`
    new CopilotClient({ token: "ghp_x" });
    // @ts-expect-error: validation is "strict" | "warn" | "off"
    new CopilotClient({ validation: "loose" });
    // @ts-expect-error: not a preview area
    new CopilotClient({ previews: ["seats"] });
  });
});

describe("seats", () => {
  it("list returns a Paginator that yields Seat items, with pages on request", () => {
    const seats = client.seats.list({ org: "octo-org", per_page: 50 });
    expectTypeOf(seats).toEqualTypeOf<Paginator<Seat>>();
    expectTypeOf(seats).toMatchTypeOf<AsyncIterable<Seat>>();
    expectTypeOf(seats.toArray()).resolves.toEqualTypeOf<Seat[]>();
    expectTypeOf(seats.pages()).toMatchTypeOf<AsyncIterable<Page<Seat>>>();
    expectTypeOf<Page<Seat>["total"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf(client.seats.listForEnterprise({ enterprise: "octo" })).toEqualTypeOf<
      Paginator<Seat>
    >();
  });

  it("Seat is the generated copilot-seat-details schema", () => {
    expectTypeOf<Seat>().toEqualTypeOf<components["schemas"]["copilot-seat-details"]>();
    expectTypeOf<Seat["last_activity_at"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Seat["created_at"]>().toEqualTypeOf<string>();
  });

  it("parameters use the wire names and reject others", () => {
    // @ts-expect-error: the parameter is `org`
    client.seats.list({ organization: "octo-org" });
    // @ts-expect-error: `perPage` is not a parameter (`per_page` is)
    client.seats.list({ org: "octo-org", perPage: 10 });
    // @ts-expect-error: `org` is required
    client.seats.list({});
    // @ts-expect-error: `selected_usernames` is a string array
    client.seats.add({ org: "octo-org", selected_usernames: "mona" });
    // @ts-expect-error: `usernames` is not the wire name
    client.seats.add({ org: "octo-org", usernames: ["mona"] });
    // @ts-expect-error: enterprise seats take `enterprise`, not `org`
    client.seats.addForEnterprise({ org: "octo-org", selected_usernames: ["mona"] });
  });

  it("mutations resolve to the generated results", () => {
    expectTypeOf(
      client.seats.add({ org: "octo-org", selected_usernames: ["mona"] }),
    ).resolves.toMatchTypeOf<GeneratedResult<"copilot/add-copilot-seats-for-users">>();
    expectTypeOf(
      client.seats.remove({ org: "octo-org", selected_usernames: ["mona"] }),
    ).resolves.toMatchTypeOf<GeneratedResult<"copilot/cancel-copilot-seat-assignment-for-users">>();
    expectTypeOf<
      GeneratedResult<"copilot/add-copilot-seats-for-users">["seats_created"]
    >().toEqualTypeOf<number>();
    expectTypeOf(client.seats.get({ org: "octo-org", username: "mona" })).resolves.toEqualTypeOf<
      GeneratedResult<"copilot/get-copilot-seat-details-for-user">
    >();
  });

  it("workflow helpers are typed with Seat", () => {
    expectTypeOf(client.seats.findInactive({ org: "octo-org", days: 30 })).resolves.toEqualTypeOf<
      InactiveReport<Seat>
    >();
    expectTypeOf(client.seats.reclaim({ org: "octo-org" })).resolves.toEqualTypeOf<
      ReclaimResult<Seat>
    >();
    expectTypeOf<ReclaimResult<Seat>["batches"][number]["selected_usernames"]>().toEqualTypeOf<
      string[]
    >();
    expectTypeOf(dedupeSeats([] as Seat[])).toEqualTypeOf<Seat[]>();
    // @ts-expect-error: exactly one of `org` and `enterprise`
    client.seats.findInactive({ org: "octo-org", enterprise: "octo" });
  });
});

describe("billing, teams, content exclusion", () => {
  it("billing.get resolves to the generated organization details", () => {
    expectTypeOf(
      client.billing.get({ org: "octo-org" }),
    ).resolves.toEqualTypeOf<OrganizationBilling>();
    expectTypeOf<OrganizationBilling>().toEqualTypeOf<
      GeneratedResult<"copilot/get-copilot-organization-details">
    >();
    // @ts-expect-error: billing takes `org`
    client.billing.get({ enterprise: "octo" });
  });

  it("teams take selected_teams / selected_enterprise_teams", () => {
    client.teams.add({ org: "octo-org", selected_teams: ["platform"] });
    client.teams.addForEnterprise({ enterprise: "octo", selected_enterprise_teams: ["ent"] });
    // @ts-expect-error: org teams are `selected_teams`
    client.teams.add({ org: "octo-org", selected_enterprise_teams: ["platform"] });
  });

  it("contentExclusion.set rejects a rule that is not a path or a match object", () => {
    client.contentExclusion.set({ org: "octo-org", rules: { repo: ["/secrets/**"] } });
    // @ts-expect-error: a rule is a string or { ifAnyMatch } / { ifNoneMatch }
    client.contentExclusion.set({ org: "octo-org", rules: { repo: [42] } });
  });
});

describe("reports and metrics", () => {
  it("a 1-day report resolves to its links or null (204 not ready)", () => {
    const report = client.reports.orgUsersDaily({ org: "octo-org", day: "2026-11-19" });
    expectTypeOf(report).resolves.toMatchTypeOf<ReportLinks | null>();
    expectTypeOf<null>().toMatchTypeOf<Awaited<typeof report>>();
    // a Date is accepted for `day`, formatted in UTC
    client.reports.orgUsersDaily({ org: "octo-org", day: new Date() });
    // @ts-expect-error: `day` is required for a 1-day report
    client.reports.orgUsersDaily({ org: "octo-org" });
  });

  it("metrics iterables yield the typed records", () => {
    expectTypeOf(client.metrics.days({ org: "octo-org" })).toEqualTypeOf<
      MetricsIterable<DayTotals>
    >();
    expectTypeOf(client.metrics.userDays({ enterprise: "octo" })).toEqualTypeOf<
      MetricsIterable<UserDayRecord>
    >();
    expectTypeOf(client.metrics.teams({ org: "octo-org", day: "2026-11-19" })).toEqualTypeOf<
      MetricsIterable<TeamDayTotals>
    >();
    expectTypeOf<DayTotals["daily_active_users"]>().toEqualTypeOf<number>();
    expectTypeOf<TeamDayTotals["slug"]>().toEqualTypeOf<string>();
  });
});

describe("client.request", () => {
  it("is typed by method and path from the bundled spec", () => {
    expectTypeOf(
      client.request("get", "/orgs/{org}/copilot/billing/seats", { org: "octo-org" }),
    ).resolves.toEqualTypeOf<GeneratedResult<"copilot/list-copilot-seats">>();
    // @ts-expect-error: not a path of the bundled spec
    client.request("get", "/orgs/{org}/copilot/nope", { org: "octo-org" });
    // @ts-expect-error: the path parameter is `org`
    client.request("get", "/orgs/{org}/copilot/billing/seats", { owner: "octo-org" });
  });

  it("OperationParams / OperationResult are keyed by operation id", () => {
    expectTypeOf<OperationParams<"copilot/list-copilot-seats">>().toHaveProperty("org");
    expectTypeOf<OperationResult<"copilot/list-copilot-seats">>().toEqualTypeOf<
      GeneratedResult<"copilot/list-copilot-seats">
    >();
  });
});

describe("errors", () => {
  it("form one hierarchy with typed fields", () => {
    expectTypeOf<CopilotApiError>().toMatchTypeOf<CopilotError>();
    expectTypeOf<RateLimitError>().toMatchTypeOf<CopilotApiError>();
    expectTypeOf<CopilotError>().toMatchTypeOf<Error>();
    expectTypeOf<CopilotError["hint"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CopilotApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<CopilotApiError["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CopilotApiError["documentationUrl"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CopilotApiError["headers"]>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<RateLimitError["kind"]>().toEqualTypeOf<"primary" | "secondary">();
    expectTypeOf<RateLimitError["retryAfterMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RateLimitError["resetAt"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<ResponseValidationError["operation"]>().toEqualTypeOf<string>();
    expectTypeOf<ResponseValidationError["path"]>().toEqualTypeOf<string>();
    expectTypeOf<RequestValidationError["issues"]>().toBeArray();
    expectTypeOf<BulkOperationError["remaining"]>().toEqualTypeOf<string[]>();
    expectTypeOf<NonNullable<BulkOperationError["failed"]>["status"]>().toMatchTypeOf<string>();
  });
});

describe("package metadata and the mock entry", () => {
  it("VERSION is a string", () => {
    expectTypeOf(VERSION).toBeString();
  });

  it("the mock kit returns a mock with handlers and a server with url and token", () => {
    expectTypeOf(createCopilotMock).returns.toEqualTypeOf<CopilotMock>();
    expectTypeOf(startMockServer).returns.resolves.toEqualTypeOf<MockServer>();
    expectTypeOf<MockServer["url"]>().toEqualTypeOf<string>();
    expectTypeOf<MockServer["token"]>().toEqualTypeOf<string>();
    expectTypeOf<MockServer["close"]>().returns.resolves.toBeVoid();
  });
});

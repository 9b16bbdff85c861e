/**
 * The high-level methods end to end against the stateful mock kit:
 * report records, metrics, inactive seats and reclaim.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CopilotClient, CopilotError, RequestValidationError, type Seat } from "../../src/index.js";
import { createCopilotMock, MOCK_TOKEN } from "../../src/mock/index.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const mock = createCopilotMock({
  seed: { orgs: ["octo-org"], seats: 180, teams: 6, days: 28, random: 7 },
  now: () => NOW,
});
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const client = () => new CopilotClient({ auth: MOCK_TOKEN, throttle: false });

describe("reports.records", () => {
  it("streams the validated records of a report, sending the token only to the API origin", async () => {
    mock.requests.length = 0;
    const report = await client().reports.orgUsersLatest28Day({ org: "octo-org" });
    expect(report.download_links.length).toBeGreaterThan(0);
    const records = [];
    for await (const record of client().reports.records(report)) records.push(record);
    expect(records.length).toBeGreaterThan(0);
    expect(records[0]).toMatchObject({
      user_id: expect.any(Number),
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const downloads = mock.requests.filter((r) => !r.url.startsWith("https://api.github.com"));
    expect(downloads.length).toBe(report.download_links.length);
    for (const request of downloads) expect(request.headers.authorization).toBeUndefined();
  });

  it("yields nothing for a day that is not ready (204 → null)", async () => {
    const report = await client().reports.orgDaily({ org: "octo-org", day: "2026-11-21" });
    expect(report).toBeNull();
    const records = [];
    for await (const record of client().reports.records(report)) records.push(record);
    expect(records).toEqual([]);
  });
});

describe("metrics", () => {
  it("days() reads the latest 28-day report into sorted day totals", async () => {
    const days = await client().metrics.days({ org: "octo-org" }).toArray();
    expect(days.length).toBeGreaterThan(20);
    const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
    expect(days.map((d) => d.day)).toEqual(sorted.map((d) => d.day));
    expect(new Set(days.map((d) => d.day)).size).toBe(days.length);
  });

  it("days() with a range reads 1-day reports and lists days not ready", async () => {
    const iterable = client().metrics.days({
      org: "octo-org",
      since: "2026-11-15",
      until: "2026-11-21",
      now: NOW,
    });
    const days = await iterable.toArray();
    expect(days.map((d) => d.day).every((d) => d >= "2026-11-15" && d <= "2026-11-20")).toBe(true);
    expect(days.length + iterable.skippedDays.length).toBeGreaterThanOrEqual(6);
  });

  it("teams() joins user-teams with users", async () => {
    const teams = await client().metrics.teams({ org: "octo-org", day: "2026-11-19" }).toArray();
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) {
      expect(team).toMatchObject({
        team_id: expect.any(Number),
        slug: expect.any(String),
        active_users: expect.any(Number),
      });
    }
  });

  it("refuses both or neither of org and enterprise", () => {
    expect(() => client().metrics.days({} as never)).toThrow(RequestValidationError);
    expect(() => client().metrics.days({ org: "a", enterprise: "b" } as never)).toThrow(
      RequestValidationError,
    );
  });
});

describe("seat workflows", () => {
  it("findInactive partitions the org's seats into active, inactive and grace", async () => {
    const report = await client().seats.findInactive({ org: "octo-org", days: 30, now: NOW });
    const all = await client().seats.list({ org: "octo-org" }).toArray();
    expect(report.active.length + report.inactive.length + report.grace.length).toBe(all.length);
    expect(report.active.length * report.inactive.length).toBeGreaterThan(0);
    const cutoff = NOW.getTime() - 30 * 86_400_000;
    for (const seat of report.active)
      expect(Date.parse(seat.last_activity_at ?? "")).toBeGreaterThanOrEqual(cutoff);
    for (const seat of report.inactive as Seat[]) {
      expect(
        seat.last_activity_at ? Date.parse(seat.last_activity_at) : Date.parse(seat.created_at),
      ).toBeLessThan(cutoff);
    }
  });

  it("reclaim dry run plans directly assigned inactive seats, sends no mutation", async () => {
    mock.requests.length = 0;
    const plan = await client().seats.reclaim({ org: "octo-org", days: 30, now: NOW });
    expect(plan.dryRun).toBe(true);
    expect(plan.batches.flatMap((b) => b.selected_usernames).length).toBeGreaterThan(0);
    expect(plan.results).toBeUndefined();
    expect(plan.batches.every((batch) => batch.selected_usernames.length <= 100)).toBe(true);
    expect(
      plan.batches.every((batch) => "org" in batch.target && batch.target.org === "octo-org"),
    ).toBe(true);
    expect(mock.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("reclaim applies the plan: the seats become pending cancellation", async () => {
    const result = await client().seats.reclaim({
      org: "octo-org",
      days: 30,
      now: NOW,
      dryRun: false,
    });
    const names = result.batches.flatMap((b) => b.selected_usernames);
    expect(names.length).toBeGreaterThan(0);
    expect(result.results?.map((r) => r.status).every((s) => s === "done")).toBe(true);
    expect(result.results?.reduce((sum, r) => sum + (r.count ?? 0), 0)).toBe(names.length);
    const seats = await client().seats.list({ org: "octo-org" }).toArray();
    const byLogin = new Map(
      seats.map((s) => [s.assignee && "login" in s.assignee ? s.assignee.login : "", s]),
    );
    for (const name of names) expect(byLogin.get(name)?.pending_cancellation_date).toBeTruthy();
  });

  it("reclaim refuses under the 'all members' policy and sends nothing", async () => {
    const allMembers = createCopilotMock({
      seed: { orgs: ["octo-org"], seats: 20, seatManagementSetting: "assign_all", random: 1 },
      now: () => NOW,
    });
    server.use(...allMembers.handlers);
    try {
      const error = await client()
        .seats.reclaim({ org: "octo-org", dryRun: false })
        .catch((e) => e);
      expect(error).toBeInstanceOf(CopilotError);
      expect(error.hint).toMatch(/assign_selected/);
      expect(allMembers.requests.filter((r) => r.method !== "GET")).toEqual([]);
    } finally {
      server.resetHandlers();
    }
  });
});

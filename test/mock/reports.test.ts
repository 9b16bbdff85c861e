import { describe, expect, it } from "vitest";
import { DEFAULT_DOWNLOAD_ORIGIN } from "../../src/mock/index.js";
import { call, clock, useMock } from "./harness.js";

const mock = useMock();

async function download(link: string, headers: Record<string, string> = {}) {
  const response = await fetch(link, { headers });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text: await response.text(),
  };
}

function ndjson(text: string): Array<Record<string, unknown>> {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));
}

describe("usage-metrics report links", () => {
  it("answers the 1-day report with signed links on the download origin", async () => {
    const answer = await call(
      "/orgs/octo-org/copilot/metrics/reports/organization-1-day?day=2026-03-10",
    );
    expect(answer.status).toBe(200);
    expect(answer.body.report_day).toBe("2026-03-10");
    expect(answer.body.download_links).toHaveLength(1);
    const link = new URL(answer.body.download_links[0]);
    expect(link.origin).toBe(DEFAULT_DOWNLOAD_ORIGIN);
    expect(link.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    const file = await download(link.toString());
    expect(file.status).toBe(200);
    const day = JSON.parse(file.text);
    expect(day).toMatchObject({
      day: "2026-03-10",
      organization_id: expect.any(String),
      daily_active_users: expect.any(Number),
    });
    expect(day.weekly_active_users).toBeGreaterThanOrEqual(day.daily_active_users);
    expect(day.monthly_active_users).toBeGreaterThanOrEqual(day.weekly_active_users);
  });

  it("answers 204 for a day not processed yet (today, UTC) and later", async () => {
    for (const day of ["2026-03-15", "2026-03-20"]) {
      const answer = await call(`/orgs/octo-org/copilot/metrics/reports/users-1-day?day=${day}`);
      expect(answer.status).toBe(204);
      expect(answer.body).toBeNull();
    }
    expect(
      (await call("/orgs/octo-org/copilot/metrics/reports/users-1-day?day=2026-03-14")).status,
    ).toBe(200);
    expect(
      (await call("/orgs/octo-org/copilot/metrics/reports/users-1-day?day=14-03-2026")).status,
    ).toBe(400);
  });

  it("wraps 28-day totals in day_totals, one per day", async () => {
    const answer = await call(
      "/enterprises/octo-enterprise/copilot/metrics/reports/enterprise-28-day/latest",
    );
    expect(answer.body).toMatchObject({
      report_start_day: "2026-02-15",
      report_end_day: "2026-03-14",
    });
    const file = JSON.parse((await download(answer.body.download_links[0])).text);
    expect(file.day_totals).toHaveLength(28);
    expect(file.day_totals[0].day).toBe("2026-02-15");
    expect(file.day_totals[27].day).toBe("2026-03-14");
    expect(file.day_totals[0]).not.toHaveProperty("organization_id");
  });

  it("splits the 28-day users report into NDJSON files by week, with users in several files", async () => {
    const answer = await call("/orgs/octo-org/copilot/metrics/reports/users-28-day/latest");
    expect(answer.body.download_links).toHaveLength(4);
    const files = await Promise.all(
      answer.body.download_links.map((link: string) => download(link)),
    );
    const perFile = files.map((file) => {
      expect(file.type).toBe("application/x-ndjson");
      return new Set(ndjson(file.text).map((row) => row.user_id));
    });
    const inAll = [...(perFile[0] ?? [])].filter((id) => perFile.every((users) => users.has(id)));
    expect(inAll.length).toBeGreaterThan(0);
    const row = ndjson(files[0]?.text ?? "")[0];
    expect(row).toMatchObject({
      user_id: expect.any(Number),
      user_login: expect.any(String),
      enterprise_id: "1001",
      totals_by_ide: expect.any(Array),
    });
  });

  it("only reports users active that day, and the seat listing agrees", async () => {
    const answer = await call("/orgs/octo-org/copilot/metrics/reports/users-1-day?day=2026-03-14");
    const rows = ndjson((await download(answer.body.download_links[0])).text);
    const seats = mock.state.orgs.get("octo-org")?.seats ?? [];
    for (const row of rows) {
      const seat = seats.find((s) => s.userId === row.user_id);
      expect((seat?.lastActivityAt ?? "").slice(0, 10) >= "2026-03-14").toBe(true);
    }
    const neverUsed = seats.filter((s) => s.lastActivityAt === null).map((s) => s.userId);
    expect(rows.some((row) => neverUsed.includes(row.user_id as number))).toBe(false);
  });

  it("leaves teams with fewer than five seated members out of the user-teams report", async () => {
    const answer = await call(
      "/orgs/octo-org/copilot/metrics/reports/user-teams-1-day?day=2026-03-14",
    );
    const rows = ndjson((await download(answer.body.download_links[0])).text);
    const perTeam = new Map<string, number>();
    for (const row of rows)
      perTeam.set(row.slug as string, (perTeam.get(row.slug as string) ?? 0) + 1);
    expect(perTeam.size).toBeGreaterThan(0);
    for (const count of perTeam.values()) expect(count).toBeGreaterThanOrEqual(5);
    expect(perTeam.has("platform")).toBe(false); // seeded with three members
    const team = await call("/orgs/octo-org/team/platform/copilot/metrics");
    expect(team).toMatchObject({ status: 200, body: [] });
  });
});

describe("download origin", () => {
  it("answers 400 to a request that carries Authorization, so a leaked token fails loudly", async () => {
    const answer = await call("/orgs/octo-org/copilot/metrics/reports/repos-1-day?day=2026-03-14");
    const file = await download(answer.body.download_links[0], {
      authorization: "Bearer test-token",
    });
    expect(file.status).toBe(400);
    expect(file.text).toContain("Only one auth mechanism allowed");
  });

  it("answers 403 once the link has expired, and to a tampered signature", async () => {
    const answer = await call(
      "/orgs/octo-org/copilot/metrics/reports/organization-1-day?day=2026-03-14",
    );
    const link = answer.body.download_links[0] as string;
    const tampered = link.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_, c) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`,
    );
    expect((await download(tampered)).text).toContain("SignatureDoesNotMatch");
    clock.now = new Date(clock.now.getTime() + 3_600_000 + 1_000);
    const expired = await download(link);
    expect(expired.status).toBe(403);
    expect(expired.text).toContain("Request has expired");
  });
});

describe("legacy metrics", () => {
  it("serves the configured days, filters by since/until and pages", async () => {
    const all = await call("/orgs/octo-org/copilot/metrics");
    expect(all.body).toHaveLength(28);
    expect(all.body[27].date).toBe("2026-03-14");
    const range = await call("/orgs/octo-org/copilot/metrics?since=2026-03-01&until=2026-03-07");
    expect(range.body.map((d: { date: string }) => d.date)).toEqual([
      "2026-03-01",
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
    ]);
    const paged = await call("/orgs/octo-org/copilot/metrics?per_page=10&page=3");
    expect(paged.body).toHaveLength(8);
  });

  it("answers 422 when the metrics API access policy is off", async () => {
    const org = mock.state.orgs.get("octo-org");
    if (org) org.metricsApiEnabled = false;
    const answer = await call("/orgs/octo-org/copilot/metrics");
    expect(answer.status).toBe(422);
  });
});

import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCopilotMock } from "../../src/mock/index.js";

const NOW = new Date("2026-03-15T12:00:00Z");
const ghe = createCopilotMock({
  baseUrl: "https://api.octo.ghe.com",
  seed: { seats: 120 },
  now: () => NOW,
});
const prefixed = createCopilotMock({
  baseUrl: "https://ghes.example.test/api/v3/",
  downloadOrigin: "https://files.example.test/reports",
  seed: { seats: 120, random: 9 },
  now: () => NOW,
});
const server = setupServer(...ghe.handlers, ...prefixed.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const auth = { headers: { authorization: "Bearer t" } };

describe("base URLs", () => {
  it("answers on a GHE.com API host and builds Link and html_url on it", async () => {
    const response = await fetch(
      "https://api.octo.ghe.com/orgs/octo-org/copilot/billing/seats?per_page=100",
      auth,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("link")).toContain(
      '<https://api.octo.ghe.com/orgs/octo-org/copilot/billing/seats?per_page=100&page=2>; rel="next"',
    );
    const body = (await response.json()) as {
      seats: Array<{ assignee: { url: string; html_url: string } | null }>;
    };
    const user = body.seats.find((seat) => seat.assignee)?.assignee;
    expect(user?.url.startsWith("https://api.octo.ghe.com/users/")).toBe(true);
    expect(user?.html_url.startsWith("https://octo.ghe.com/")).toBe(true);
  });

  it("matches paths under a base URL with a path prefix, and nothing outside it", async () => {
    const response = await fetch(
      "https://ghes.example.test/api/v3/orgs/octo-org/copilot/billing/seats",
      auth,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("link")).toContain(
      "https://ghes.example.test/api/v3/orgs/octo-org/copilot/billing/seats?page=2",
    );
    const outside = await prefixed.handle(
      new Request("https://ghes.example.test/orgs/octo-org/copilot/billing/seats", auth),
    );
    expect(outside).toBeUndefined();
    expect(prefixed.requests.map((r) => r.path)).toEqual(["/orgs/octo-org/copilot/billing/seats"]);
  });

  it("signs download links under a download origin with a path prefix", async () => {
    const answer = await fetch(
      "https://ghes.example.test/api/v3/orgs/octo-org/copilot/metrics/reports/organization-1-day?day=2026-03-14",
      auth,
    );
    const { download_links: links } = (await answer.json()) as { download_links: string[] };
    expect(links[0]?.startsWith("https://files.example.test/reports/copilot-usage-reports/")).toBe(
      true,
    );
    expect((await fetch(links[0] ?? "")).status).toBe(200);
  });
});

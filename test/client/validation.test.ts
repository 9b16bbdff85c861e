import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import {
  CopilotClient,
  type Logger,
  RequestValidationError,
  ResponseValidationError,
} from "../../src/index.js";
import { simpleUser } from "../support/fixtures.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server, seen } = useMsw();
const seat = (login: string) => ({
  created_at: "2026-01-01T00:00:00Z",
  pending_cancellation_date: null,
  last_activity_at: null,
  last_activity_editor: null,
  assignee: simpleUser(login),
  future_field: { kept: true },
});
const logger = () => {
  const warn = vi.fn<(message: string) => void>();
  const log: Logger = { debug: () => {}, info: () => {}, warn, error: () => {} };
  return Object.assign(log, { warn });
};

function serveSeats(seats: unknown[]) {
  server.use(
    http.get(`${API}/orgs/octo/copilot/billing/seats`, () =>
      HttpResponse.json({ total_seats: seats.length, seats }),
    ),
  );
}

describe("response validation", () => {
  it("strict (default) keeps unknown fields and throws on a wrong type with the path", async () => {
    serveSeats([seat("mona")]);
    const [first] = await new CopilotClient({ auth: TOKEN }).seats.list({ org: "octo" }).toArray();
    expect(first).toMatchObject({ future_field: { kept: true } });

    serveSeats([seat("mona"), { ...seat("hubot"), created_at: 42 }]);
    const error = await new CopilotClient({ auth: TOKEN }).seats
      .list({ org: "octo" })
      .toArray()
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.operation).toBe("copilot/list-copilot-seats");
    expect(error.path).toBe("seats.1.created_at");
  });

  it("warn returns the data and reports once per operation", async () => {
    serveSeats([{ ...seat("hubot"), created_at: 42 }]);
    const log = logger();
    const client = new CopilotClient({ auth: TOKEN, validation: "warn", logger: log });
    const first = await client.seats.list({ org: "octo" }).toArray();
    await client.seats.list({ org: "octo" }).toArray();
    expect(first[0]?.created_at).toBe(42);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[0]).toMatch(/seats\.0\.created_at/);
  });

  it("off skips validation", async () => {
    serveSeats([{ nonsense: true }]);
    const log = logger();
    const items = await new CopilotClient({ auth: TOKEN, validation: "off", logger: log }).seats
      .list({ org: "octo" })
      .toArray();
    expect(items).toEqual([{ nonsense: true }]);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it("a __proto__ key in a response pollutes nothing, in any mode", async () => {
    const body = `{"total_seats":1,"seats":[${JSON.stringify(seat("mona")).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')}]}`;
    server.use(
      http.get(
        `${API}/orgs/octo/copilot/billing/seats`,
        () => new HttpResponse(body, { headers: { "content-type": "application/json" } }),
      ),
    );
    for (const validation of ["strict", "warn", "off"] as const) {
      const [item] = await new CopilotClient({ auth: TOKEN, validation, logger: logger() }).seats
        .list({ org: "octo" })
        .toArray();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
      expect((item as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

describe("request validation", () => {
  it("rejects a misspelt parameter, a wrong type and a bad day before sending", async () => {
    const client = new CopilotClient({ auth: TOKEN });
    expect(() => client.seats.list({ org: "octo", perPage: 5 } as never)).toThrow(
      RequestValidationError,
    );
    expect(() => client.seats.list({ org: "octo", per_page: "many" } as never)).toThrow(
      RequestValidationError,
    );
    await expect(client.reports.orgDaily({ org: "octo", day: "2026-13-45" })).rejects.toThrow(
      RequestValidationError,
    );
    await expect(client.reports.orgDaily({ org: "octo", day: "yesterday" })).rejects.toThrow(
      RequestValidationError,
    );
    await expect(client.seats.add({ org: "octo", selected_usernames: [] })).rejects.toThrow(
      RequestValidationError,
    );
    await expect(client.seats.add({ org: "octo", selected_usernames: [""] })).rejects.toThrow(
      RequestValidationError,
    );
    expect(seen).toHaveLength(0);
  });

  it("formats a Date day in UTC", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/metrics/reports/organization-1-day`, () =>
        HttpResponse.json({ download_links: [], report_day: "2026-11-19" }),
      ),
    );
    await new CopilotClient({ auth: TOKEN }).reports.orgDaily({
      org: "octo",
      day: new Date("2026-11-19T23:30:00-05:00"),
    });
    expect(seen[0]?.url.searchParams.get("day")).toBe("2026-11-20");
  });
});

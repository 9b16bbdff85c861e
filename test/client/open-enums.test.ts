/**
 * Every response enum is open: a value GitHub adds later passes a `strict` client, is
 * returned as sent, and is reported once at debug level. Request enums stay closed.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { CopilotClient, type Logger, RequestValidationError } from "../../src/index.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server } = useMsw();

const logger = () => {
  const debug = vi.fn<(message: string) => void>();
  const warn = vi.fn<(message: string) => void>();
  const log: Logger = { debug, info: () => {}, warn, error: () => {} };
  return Object.assign(log, { debug, warn });
};

const billing = {
  seat_breakdown: { total: 1, added_this_cycle: 0 },
  public_code_suggestions: "block",
  ide_chat: "enabled",
  platform_chat: "enabled",
  cli: "enabled",
  seat_management_setting: "assign_selected",
  plan_type: "business",
};

function serveBilling(body: Record<string, unknown>) {
  server.use(http.get(`${API}/orgs/octo/copilot/billing`, () => HttpResponse.json(body)));
}

describe("open response enums", () => {
  it.each([
    ["public_code_suggestions", "warn_only"],
    ["ide_chat", "admin_only"],
    ["platform_chat", "scheduled"],
    ["cli", "preview"],
    ["seat_management_setting", "assign_by_budget"],
    ["plan_type", "copilot_galaxy"],
  ])(
    "an unknown %s passes a strict client unchanged, reported once at debug level",
    async (field, value) => {
      const log = logger();
      const client = new CopilotClient({ auth: TOKEN, logger: log });
      const body = { ...billing, [field]: value };
      serveBilling(body);
      expect(await client.billing.get({ org: "octo" })).toEqual(body);
      expect(await client.billing.get({ org: "octo" })).toEqual(body);
      const reports = log.debug.mock.calls.filter(([m]) => m.includes(JSON.stringify(value)));
      expect(reports).toHaveLength(1);
      expect(reports[0]?.[0]).toContain(`copilot-organization-details.${field}`);
      expect(log.warn).not.toHaveBeenCalled();
    },
  );

  it("an unknown team type on a seat's assigning_team passes", async () => {
    const log = logger();
    const team = {
      id: 1,
      node_id: "T_1",
      url: "",
      html_url: "",
      name: "Octo",
      slug: "octo",
      description: null,
      privacy: "closed",
      notification_setting: "notifications_enabled",
      permission: "pull",
      members_url: "",
      repositories_url: "",
      parent: null,
      type: "enterprise_managed",
    };
    const seat = {
      created_at: "2026-01-01T00:00:00Z",
      pending_cancellation_date: null,
      last_activity_at: null,
      last_activity_editor: null,
      plan_type: "business",
      assignee: null,
      assigning_team: team,
    };
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing/seats`, () =>
        HttpResponse.json({ total_seats: 1, seats: [seat] }),
      ),
    );
    const seats = await new CopilotClient({ auth: TOKEN, logger: log }).seats
      .list({ org: "octo" })
      .toArray();
    expect(seats).toEqual([seat]);
    expect(log.debug.mock.calls.some(([m]) => m.includes('"enterprise_managed"'))).toBe(true);
  });

  it("a wrong type in an enum field still fails strict (open means any string, not anything)", async () => {
    serveBilling({ ...billing, seat_management_setting: 3 });
    await expect(new CopilotClient({ auth: TOKEN }).billing.get({ org: "octo" })).rejects.toThrow(
      /seat_management_setting: expected string, got number 3/,
    );
  });
});

describe("request enums stay closed", () => {
  it("an unknown value of a parameter enum is refused before anything is sent", async () => {
    const client = new CopilotClient({ auth: TOKEN });
    const error = await client
      .request("put", "/enterprises/{enterprise}/copilot/policies/coding_agent", {
        enterprise: "e",
        policy_state: "enabled_for_everyone" as never,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).message).toContain(
      'policy_state: "enabled_for_everyone" is not one of "enabled_for_all_orgs"',
    );
  });
});

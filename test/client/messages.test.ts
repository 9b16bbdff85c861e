/**
 * Validation messages name the field: a missing required field by name and path, a union
 * (assignee) by what its closest alternative lacks; `warn` logs the same text as `strict`
 * throws, and returns the data.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { CopilotClient, type Logger, ResponseValidationError } from "../../src/index.js";
import { simpleUser } from "../support/fixtures.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server } = useMsw();

const user = simpleUser("mona");
const seat = (assignee: unknown) => ({
  created_at: "2026-01-01T00:00:00Z",
  pending_cancellation_date: null,
  last_activity_at: null,
  last_activity_editor: null,
  assignee,
});

function serveSeats(seats: unknown[]) {
  server.use(
    http.get(`${API}/orgs/octo/copilot/billing/seats`, () =>
      HttpResponse.json({ total_seats: seats.length, seats }),
    ),
  );
}

async function strictError(seats: unknown[]): Promise<ResponseValidationError> {
  serveSeats(seats);
  const error = await new CopilotClient({ auth: TOKEN }).seats
    .list({ org: "octo" })
    .toArray()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResponseValidationError);
  return error as ResponseValidationError;
}

describe("messages that name the field", () => {
  it("a missing required field: its name and full path", async () => {
    const { created_at: _, ...noDate } = seat(user);
    const error = await strictError([seat(user), noDate]);
    expect(error.path).toBe("seats.1.created_at");
    expect(error.message).toContain('at seats.1.created_at: missing required field "created_at"');
  });

  it("a union (assignee): what the closest alternative lacks", async () => {
    const { login: _, ...noLogin } = user;
    const error = await strictError([seat(noLogin)]);
    expect(error.path).toBe("seats.0.assignee.login");
    expect(error.message).toContain('missing required field "login"');
    expect(error.message).toMatch(/closest of the \d alternatives at seats\.0\.assignee/);
    expect(error.issues.every((issue) => issue.path.join(".").startsWith("seats.0.assignee"))).toBe(
      true,
    );
  });

  it("warn logs the strict message, with its path, and returns the data", async () => {
    const { login: _, ...noLogin } = user;
    const strict = await strictError([seat(noLogin)]);
    const warn = vi.fn<(message: string) => void>();
    const logger: Logger = { debug: () => {}, info: () => {}, warn, error: () => {} };
    serveSeats([seat(noLogin)]);
    const seats = await new CopilotClient({ auth: TOKEN, validation: "warn", logger }).seats
      .list({ org: "octo" })
      .toArray();
    expect(seats).toEqual([seat(noLogin)]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain(strict.message);
  });
});

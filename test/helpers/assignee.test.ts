import { describe, expect, expectTypeOf, it } from "vitest";
import { isUserAssignee, type Seat, seatLogin } from "../../src/index.js";

const user = { login: "mona", id: 1, type: "User", site_admin: false } as const;
const team = { id: 2, name: "Octo", slug: "octo", type: "organization" } as const;
const organization = { login: "octo-org", id: 3, description: null } as const;
const seat = (assignee: unknown) => ({ created_at: "2026-01-01T00:00:00Z", assignee }) as Seat;

describe("seatLogin / isUserAssignee", () => {
  it("a user-held seat gives its login", () => {
    expect(seatLogin(seat(user))).toBe("mona");
    expect(isUserAssignee(seat(user).assignee)).toBe(true);
  });

  it.each([
    ["a team", team],
    ["an organization (has a login, but no type)", organization],
    ["null", null],
    ["absent", undefined],
  ])("%s gives null", (_, assignee) => {
    expect(seatLogin(seat(assignee))).toBeNull();
    expect(isUserAssignee(seat(assignee).assignee)).toBe(false);
  });

  it("narrows the assignee so that .login compiles under --strict", () => {
    const s = seat(user);
    if (isUserAssignee(s.assignee)) expectTypeOf(s.assignee.login).toEqualTypeOf<string>();
    expectTypeOf(seatLogin(s)).toEqualTypeOf<string | null>();
  });
});

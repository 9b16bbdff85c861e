/**
 * 404 hints: GitHub answers 404 both for an unknown organization or enterprise and for one the
 * token may not see; the hint says which name to check and which scope the token needs.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CopilotClient, NotFoundError } from "../../src/index.js";
import { createCopilotMock } from "../../src/mock/index.js";

const mock = createCopilotMock({ seed: { orgs: ["octo-org"], seats: 5, random: 3 } });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
const client = new CopilotClient({ auth: "t", retry: false, throttle: false });

async function notFound(call: () => Promise<unknown>): Promise<NotFoundError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotFoundError);
  return error as NotFoundError;
}

describe("404 hints", () => {
  it("an unknown organization: check the login, owner token with manage_billing:copilot or read:org", async () => {
    const error = await notFound(() => client.billing.get({ org: "no-such-org" }));
    expect(error.hint).toMatch(/^Check the organization login/);
    expect(error.hint).toContain("read:org");
    expect(error.hint).toContain("manage_billing:copilot");
    expect(error.hint).not.toContain("enterprise slug");
  });

  it("an unknown enterprise: check the slug, enterprise owner or billing manager, read:enterprise", async () => {
    const error = await notFound(() =>
      client.seats.listForEnterprise({ enterprise: "no-such-enterprise" }).toArray(),
    );
    expect(error.hint).toMatch(/^Check the enterprise slug/);
    expect(error.hint).toContain("read:enterprise");
  });

  it("a user without a seat: says so before suspecting the token", async () => {
    const error = await notFound(() =>
      client.seats.get({ org: "octo-org", username: "nobody-here" }),
    );
    expect(error.hint).toMatch(/^No Copilot seat found for this user/);
    expect(error.hint).toContain("organization");
  });
});

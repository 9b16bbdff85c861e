import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConnectionError,
  CopilotApiError,
  CopilotClient,
  CopilotError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  ResponseValidationError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server } = useMsw();
const client = () => new CopilotClient({ auth: TOKEN, retry: false });
const ALL_MEMBERS_422 =
  "Copilot Business or Enterprise is not enabled for this organization, billing has not been set up for this organization, a public code suggestions policy has not been set for this organization, the seat management setting is set to enable Copilot for all users or is unconfigured, or a user's seat cannot be cancelled because it was assigned to them via a team.";

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return HttpResponse.json(body as Record<string, unknown>, {
    status,
    headers: { "x-github-request-id": "REQ:1", ...headers },
  });
}

describe("error mapping", () => {
  it("401 → AuthenticationError with status, method, url, request id, docs url and a hint", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing`, () =>
        answer(401, {
          message: "Bad credentials",
          documentation_url: "https://docs.github.com/rest",
        }),
      ),
    );
    const error = await client()
      .billing.get({ org: "octo" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(CopilotApiError);
    expect(error).toBeInstanceOf(CopilotError);
    expect(error).toMatchObject({
      status: 401,
      method: "GET",
      url: `${API}/orgs/octo/copilot/billing`,
      requestId: "REQ:1",
      documentationUrl: "https://docs.github.com/rest",
    });
    expect(error.hint).toMatch(/expired or revoked/);
    expect(error.message).toMatch(/Bad credentials/);
  });

  it("plain 403 → PermissionDeniedError naming the missing scope", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing`, () =>
        answer(
          403,
          { message: "Must have admin rights" },
          {
            "x-accepted-oauth-scopes": "manage_billing:copilot, read:org",
            "x-oauth-scopes": "repo",
          },
        ),
      ),
    );
    const error = await client()
      .billing.get({ org: "octo" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.hint).toMatch(/manage_billing:copilot/);
  });

  it("403 with X-GitHub-SSO → PermissionDeniedError with the SSO authorization URL", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing`, () =>
        answer(
          403,
          { message: "Resource protected by organization SAML enforcement." },
          {
            "x-github-sso":
              "required; url=https://github.com/orgs/octo/sso?authorization_request=abc",
          },
        ),
      ),
    );
    const error = await client()
      .billing.get({ org: "octo" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.hint).toMatch(/SAML/);
    expect(error.hint).toContain("https://github.com/orgs/octo/sso");
  });

  it("403 'Resource not accessible by integration' → PermissionDeniedError with the App hint", async () => {
    server.use(
      http.get(`${API}/enterprises/acme/copilot/billing/seats`, () =>
        answer(403, { message: "Resource not accessible by integration" }),
      ),
    );
    const error = await client()
      .seats.listForEnterprise({ enterprise: "acme" })
      .toArray()
      .catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.hint).toMatch(/installed on the enterprise/);
  });

  it("404 → NotFoundError", async () => {
    server.use(
      http.get(`${API}/orgs/octo/members/mona/copilot`, () =>
        answer(404, { message: "Not Found" }),
      ),
    );
    await expect(client().seats.get({ org: "octo", username: "mona" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("422 on a seat change under the 'all members' policy → hint about seat_management_setting", async () => {
    server.use(
      http.post(`${API}/orgs/octo/copilot/billing/selected_users`, () =>
        answer(422, { message: ALL_MEMBERS_422 }),
      ),
    );
    const error = await client()
      .seats.add({ org: "octo", selected_usernames: ["mona"] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.hint).toMatch(/assign_selected/);
  });

  it("422 cancelling a team-held seat → hint about the team", async () => {
    server.use(
      http.delete(`${API}/orgs/octo/copilot/billing/selected_users`, () =>
        answer(422, {
          message:
            "The user's seat cannot be cancelled because it was assigned to them via a team.",
        }),
      ),
    );
    const error = await client()
      .seats.remove({ org: "octo", selected_usernames: ["mona"] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.hint).toMatch(/held through a team/);
  });

  it("metrics policy off → hint about the usage-metrics policy", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/metrics/reports/organization-28-day/latest`, () =>
        answer(403, { message: "Copilot Metrics API access is disabled for this organization." }),
      ),
    );
    const error = await client()
      .reports.orgLatest28Day({ org: "octo" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.hint).toMatch(/usage metrics/);
  });

  it("billing of an enterprise-owned organization → hint to use the enterprise endpoints", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing`, () =>
        answer(422, {
          message: "Copilot billing for this organization is managed by its enterprise.",
        }),
      ),
    );
    const error = await client()
      .billing.get({ org: "octo" })
      .catch((e) => e);
    expect(error.hint).toMatch(/listForEnterprise/);
  });

  it("5xx → InternalServerError; an HTML error page is kept as (truncated) text", async () => {
    const html = `<!DOCTYPE html><html><body>${"Unicorn! ".repeat(1_000)}</body></html>`;
    server.use(
      http.get(
        `${API}/orgs/octo/copilot/billing`,
        () => new HttpResponse(html, { status: 502, headers: { "content-type": "text/html" } }),
      ),
    );
    const error = await client()
      .billing.get({ org: "octo" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(typeof error.body).toBe("string");
    expect(error.body.length).toBeLessThanOrEqual(2_049);
  });

  it("a 2xx that is not valid JSON → ResponseValidationError (invalid_json)", async () => {
    server.use(
      http.get(
        `${API}/orgs/octo/copilot/billing`,
        () =>
          new HttpResponse('{"seat_breakdown": {', {
            headers: { "content-type": "application/json" },
          }),
      ),
    );
    const error = await client()
      .billing.get({ org: "octo" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues[0].code).toBe("invalid_json");
  });

  it("a network failure → ConnectionError", async () => {
    server.use(http.get(`${API}/orgs/octo/copilot/billing`, () => HttpResponse.error()));
    await expect(client().billing.get({ org: "octo" })).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe("secrets never leak", () => {
  it("no rendering of any error contains the token", async () => {
    const errors: unknown[] = [];
    const failures = [
      () => answer(401, { message: `Bad credentials for ${TOKEN}` }),
      () => answer(403, { message: "nope" }, { authorization: `Bearer ${TOKEN}` }),
      () => answer(500, `boom Bearer ${TOKEN}`),
      () => HttpResponse.error(),
    ];
    for (const failure of failures) {
      server.use(http.get(`${API}/orgs/octo/copilot/billing`, failure));
      errors.push(
        await client()
          .billing.get({ org: "octo" })
          .catch((e) => e),
      );
    }
    const badPath = await client()
      .billing.get({ org: `${TOKEN}/..` })
      .catch((e) => e);
    errors.push(badPath);
    for (const error of errors) {
      expect(error).toBeInstanceOf(CopilotError);
      const renderings = [
        String(error),
        (error as Error).stack ?? "",
        inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
        JSON.stringify(error),
      ];
      for (const text of renderings) expect(text).not.toContain(TOKEN);
    }
  });
});

import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { CopilotClient, PreviewDisabledError } from "../../src/index.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server, seen } = useMsw();

describe("previews", () => {
  it("allows every area by default", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/content_exclusion`, () =>
        HttpResponse.json({ "octo-repo": ["/secrets/**"] }),
      ),
    );
    await expect(
      new CopilotClient({ auth: TOKEN }).contentExclusion.get({ org: "octo" }),
    ).resolves.toEqual({ "octo-repo": ["/secrets/**"] });
  });

  it("previews: false denies preview operations before sending, GA ones still work", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/metrics/reports/organization-28-day/latest`, () =>
        HttpResponse.json({
          download_links: [],
          report_start_day: "2026-10-23",
          report_end_day: "2026-11-19",
        }),
      ),
    );
    const client = new CopilotClient({ auth: TOKEN, previews: false });
    const error = await client.billing.get({ org: "octo" }).catch((e) => e);
    expect(error).toBeInstanceOf(PreviewDisabledError);
    expect(error).toMatchObject({
      operation: "copilot/get-copilot-organization-details",
      area: "user-management",
    });
    expect(() => client.seats.list({ org: "octo" })).toThrow(PreviewDisabledError);
    await expect(client.reports.orgLatest28Day({ org: "octo" })).resolves.toBeTruthy();
    expect(seen.map((r) => r.url.pathname)).toEqual([
      "/orgs/octo/copilot/metrics/reports/organization-28-day/latest",
    ]);
  });

  it("a list allows only its areas", async () => {
    server.use(http.get(`${API}/orgs/octo/copilot/content_exclusion`, () => HttpResponse.json({})));
    const client = new CopilotClient({ auth: TOKEN, previews: ["content-exclusion"] });
    await expect(client.contentExclusion.get({ org: "octo" })).resolves.toEqual({});
    await expect(client.billing.get({ org: "octo" })).rejects.toBeInstanceOf(PreviewDisabledError);
  });

  it("COPILOT_SDK_PREVIEWS overrides the option", async () => {
    server.use(http.get(`${API}/orgs/octo/copilot/content_exclusion`, () => HttpResponse.json({})));
    vi.stubEnv("COPILOT_SDK_PREVIEWS", "none");
    await expect(
      new CopilotClient({ auth: TOKEN, previews: true }).contentExclusion.get({ org: "octo" }),
    ).rejects.toBeInstanceOf(PreviewDisabledError);
    vi.stubEnv("COPILOT_SDK_PREVIEWS", "all");
    await expect(
      new CopilotClient({ auth: TOKEN, previews: false }).contentExclusion.get({ org: "octo" }),
    ).resolves.toEqual({});
    vi.stubEnv("COPILOT_SDK_PREVIEWS", "content-exclusion, coding-agent");
    const client = new CopilotClient({ auth: TOKEN, previews: false });
    await expect(client.contentExclusion.get({ org: "octo" })).resolves.toEqual({});
    await expect(client.billing.get({ org: "octo" })).rejects.toBeInstanceOf(PreviewDisabledError);
  });
});

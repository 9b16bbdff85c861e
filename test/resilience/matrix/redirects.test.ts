/**
 * Fault matrix, redirects: same-origin redirects are followed within one attempt; a redirect
 * to another origin, or from https to http, is refused for API calls (the token would follow
 * it), without retry. `CopilotClient` with default options; msw, and for https→http an
 * injected `fetch` answering 301 with an `http://` Location.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { CopilotApiError } from "../../../src/index.js";
import {
  API,
  BILLING,
  BILLING_URL,
  drive,
  ORG,
  outcomeOf,
  probe,
  rejection,
  useFakeClock,
  useMsw,
  useRecorder,
} from "./harness.js";

const { server, seen } = useMsw();
const record = useRecorder("redirects");
useFakeClock();

const SIGNED = "X-Amz-Signature=5e3c1a9b7f2d4e6a8c0b1d3f5a7c9e1b";

async function run(
  row: string,
  options: Parameters<typeof probe>[0] = {},
  requests = () => seen.length,
) {
  const p = probe(options);
  const settled = await drive(p.client.billing.get({ org: ORG }), () => p.inFlight === 0);
  const observed = { requests: requests(), attempts: p.starts.length, waits: p.waits() };
  record({ row, outcome: outcomeOf(settled), ...observed });
  return { p, settled, ...observed };
}

describe("fault matrix: redirects", () => {
  it("same-origin 301 (renamed org): followed within the attempt, token kept", async () => {
    server.use(
      http.get(BILLING_URL, () =>
        HttpResponse.text("", {
          status: 301,
          headers: { location: "/orgs/octo-org-renamed/copilot/billing" },
        }),
      ),
      http.get(`${API}/orgs/octo-org-renamed/copilot/billing`, () => HttpResponse.json(BILLING)),
    );
    const { settled, requests, attempts, waits } = await run("redirect 301 same-origin");
    expect(settled).toMatchObject({ ok: true, value: BILLING });
    expect(requests).toBe(2);
    expect(attempts).toBe(1);
    expect(waits).toEqual([]);
    expect(seen[1]?.authorization).toBe(seen[0]?.authorization);
  });

  it("same-origin redirect loop: refused after 5 hops, no retry", async () => {
    let hop = 0;
    server.use(
      http.get(`${API}/orgs/:org/copilot/billing`, () =>
        HttpResponse.text("", {
          status: 302,
          headers: { location: `/orgs/loop-${++hop}/copilot/billing` },
        }),
      ),
    );
    const { settled, requests, attempts } = await run("redirect loop same-origin");
    expect(rejection(settled)).toMatchObject({
      status: 302,
      message: expect.stringMatching(/more than 5 redirects/),
    });
    expect(requests).toBe(6);
    expect(attempts).toBe(1);
  });

  it("cross-origin 302: refused, the other host never contacted, no retry, no signed query in the error", async () => {
    server.use(
      http.get(BILLING_URL, () =>
        HttpResponse.text("", {
          status: 302,
          headers: { location: `https://objects.example.net/copilot/billing?${SIGNED}` },
        }),
      ),
    );
    const { settled, requests, attempts, waits } = await run("redirect 302 cross-origin");
    const error = rejection(settled);
    expect(error).toBeInstanceOf(CopilotApiError);
    expect(error).toMatchObject({
      status: 302,
      message: expect.stringMatching(/refused a redirect to another origin/),
    });
    expect(JSON.stringify(error)).not.toContain("X-Amz-Signature");
    expect(requests).toBe(1);
    expect(attempts).toBe(1);
    expect(waits).toEqual([]);
  });

  it("https → http 301 (injected fetch): refused after one fetch; the token never goes over http", async () => {
    const fetch = vi.fn(async (input: string | URL | Request) => {
      const url = new URL(String(input));
      url.protocol = "http:";
      return new Response(null, { status: 301, headers: { location: url.toString() } });
    });
    const { settled, requests, attempts } = await run(
      "redirect 301 https→http",
      { fetch },
      () => fetch.mock.calls.length,
    );
    const error = rejection(settled);
    expect(error).toMatchObject({
      status: 301,
      message: expect.stringMatching(/refused a redirect .*\(http:\/\/api\.github\.com\)/),
    });
    expect(requests).toBe(1);
    expect(attempts).toBe(1);
    expect(fetch.mock.calls.every(([input]) => String(input).startsWith("https:"))).toBe(true);
    expect(seen).toHaveLength(0);
  });
});

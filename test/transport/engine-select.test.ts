/**
 * Which engine sends an attempt (src/transport/engine.ts): undici's `request` in place of
 * Node's own `fetch` and with a dispatcher; `fetch` when one is configured or something
 * replaced `globalThis.fetch` (msw, nock, a wrapper). Checked on the function and end to end
 * against a loopback server, which tells the engines apart by the headers Node's fetch adds.
 */
import { Agent, fetch as undiciFetch } from "undici";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CopilotClient } from "../../src/index.js";
import { isNodeFetch, selectEngine, undiciEngine } from "../../src/internal/http/engine.js";
import { BILLING } from "../support/fixtures.js";
import { useLoopback, viaFetch } from "./loopback.js";

const serve = useLoopback();
const nodeFetch = globalThis.fetch;
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("isNodeFetch", () => {
  it("recognises Node's built-in fetch, and nothing else", () => {
    expect(isNodeFetch(nodeFetch)).toBe(true);
    expect(isNodeFetch((...args: Parameters<typeof fetch>) => nodeFetch(...args))).toBe(false);
    expect(isNodeFetch(nodeFetch.bind(globalThis))).toBe(false);
    expect(isNodeFetch(undiciFetch)).toBe(false);
    expect(isNodeFetch(undefined)).toBe(false);
    expect(isNodeFetch("fetch")).toBe(false);
    expect(isNodeFetch(nodeFetch)).toBe(true);
  });

  it("reads the real source text, not an overridden toString", () => {
    const impostor = Object.assign(async () => new Response(""), {
      toString: () => nodeFetch.toString(),
    });
    expect(impostor.toString()).toBe(nodeFetch.toString());
    expect(isNodeFetch(impostor)).toBe(false);
  });
});

describe("selectEngine", () => {
  it("undici's request for Node's own fetch, and with a dispatcher", async () => {
    expect(selectEngine({})).toBe(undiciEngine);
    expect(selectEngine({ fetch: undefined, dispatcher: undefined })).toBe(undiciEngine);
    const agent = new Agent();
    expect(selectEngine({ dispatcher: agent })).toBe(undiciEngine);
    await agent.close();
  });

  it("a fetch given explicitly wins over the dispatcher", async () => {
    const fetch = vi.fn(async () => new Response("ok"));
    const agent = new Agent();
    const engine = selectEngine({ fetch, dispatcher: agent });
    await agent.close();
    expect(engine).not.toBe(undiciEngine);
    const response = await engine({
      method: "GET",
      url: "http://127.0.0.1:1/x",
      headers: {},
      signal: new AbortController().signal,
      dispatcher: "the-dispatcher",
    });
    expect(await response.text(new AbortController().signal)).toBe("ok");
    expect(fetch).toHaveBeenCalledWith(
      "http://127.0.0.1:1/x",
      expect.objectContaining({ redirect: "manual", dispatcher: "the-dispatcher" }),
    );
  });

  it("globalThis.fetch when something replaced it, looked up again on every call", () => {
    const wrapper = vi.fn((...args: Parameters<typeof fetch>) => nodeFetch(...args));
    vi.stubGlobal("fetch", wrapper);
    expect(selectEngine({})).not.toBe(undiciEngine);
    vi.unstubAllGlobals();
    expect(selectEngine({})).toBe(undiciEngine);
  });
});

describe("engine of a CopilotClient, seen by a loopback server", () => {
  async function billingServer() {
    return serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(BILLING));
    });
  }

  it("default options with Node's fetch: undici's request", async () => {
    const api = await billingServer();
    const client = new CopilotClient({ auth: "t", baseUrl: api.origin, retry: false });
    await expect(client.billing.get({ org: "octo" })).resolves.toMatchObject(BILLING);
    expect(viaFetch(api.requests[0])).toBe(false);
    expect(api.requests[0]?.headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(api.requests[0]?.headers.authorization).toBe("Bearer t");
  });

  it("default options with a wrapper in globalThis.fetch: the wrapper, at call time", async () => {
    const api = await billingServer();
    const client = new CopilotClient({ auth: "t", baseUrl: api.origin, retry: false });
    const wrapper = vi.fn((...args: Parameters<typeof fetch>) => nodeFetch(...args));
    vi.stubGlobal("fetch", wrapper);
    await client.billing.get({ org: "octo" });
    expect(wrapper).toHaveBeenCalledTimes(1);
    expect(viaFetch(api.requests[0])).toBe(true);
    vi.unstubAllGlobals();
    await client.billing.get({ org: "octo" });
    expect(wrapper).toHaveBeenCalledTimes(1);
    expect(viaFetch(api.requests[1])).toBe(false);
  });

  it("an explicit fetch option: that fetch", async () => {
    const api = await billingServer();
    const fetch = vi.fn((...args: Parameters<typeof globalThis.fetch>) => nodeFetch(...args));
    const client = new CopilotClient({ auth: "t", baseUrl: api.origin, retry: false, fetch });
    await client.billing.get({ org: "octo" });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(viaFetch(api.requests[0])).toBe(true);
  });

  it("a dispatcher: undici's request through it", async () => {
    const api = await billingServer();
    const agent = new Agent();
    const dispatch = vi.spyOn(agent, "dispatch");
    try {
      const client = new CopilotClient({
        auth: "t",
        baseUrl: api.origin,
        retry: false,
        dispatcher: agent,
      });
      await client.billing.get({ org: "octo" });
      expect(dispatch).toHaveBeenCalledTimes(1);
      expect(viaFetch(api.requests[0])).toBe(false);
    } finally {
      await agent.close();
    }
  });
});

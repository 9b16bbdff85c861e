/** An undici Dispatcher (keep-alive tuning, proxies) against a loopback server. */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, ProxyAgent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CopilotClient } from "../../src/index.js";
import { startMockServer } from "../../src/mock/index.js";

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ seed: { orgs: ["octo-org"], seats: 120, random: 3 } });
});
afterAll(() => mock.close());

describe("dispatcher", () => {
  it("sends through an undici Agent", async () => {
    const agent = new Agent({ keepAliveTimeout: 1_000, connections: 2 });
    try {
      const client = new CopilotClient({ auth: mock.token, baseUrl: mock.url, dispatcher: agent });
      expect(await client.seats.list({ org: "octo-org" }).toArray()).toHaveLength(120);
    } finally {
      await agent.close();
    }
  });

  it("sends through a ProxyAgent (an HTTP forward proxy on loopback)", {
    timeout: 5_000,
  }, async () => {
    const proxied: string[] = [];
    const proxy = createServer(async (req: IncomingMessage, res) => {
      proxied.push(`${req.method} ${req.url}`);
      const upstream = await fetch(req.url ?? "", {
        method: req.method ?? "GET",
        headers: req.headers as Record<string, string>,
      });
      res.writeHead(upstream.status, Object.fromEntries(upstream.headers));
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    // proxyTunnel: false: plain-http targets go as absolute-form requests, not through CONNECT.
    const agent = new ProxyAgent({
      uri: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      proxyTunnel: false,
    });
    try {
      const client = new CopilotClient({ auth: mock.token, baseUrl: mock.url, dispatcher: agent });
      const billing = await client.billing.get({ org: "octo-org" });
      expect(billing.seat_breakdown.total).toBe(120);
      expect(proxied).toEqual([`GET ${mock.url}/orgs/octo-org/copilot/billing`]);
    } finally {
      await agent.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

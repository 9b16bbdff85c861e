/**
 * When the `undici` package cannot be loaded (an ESM bundle without `require` for CommonJS
 * packages), requests that would have gone through undici's `request` in place of Node's own
 * `fetch` go through that `fetch`, as before; with a dispatcher they fail with the error.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useLoopback, viaFetch } from "./loopback.js";

const serve = useLoopback();
const LOAD_ERROR = 'Dynamic require of "node:assert" is not supported';

beforeAll(() => {
  vi.resetModules();
  vi.doMock("undici", () => {
    throw new Error(LOAD_ERROR);
  });
});
afterAll(() => {
  vi.doUnmock("undici");
  vi.resetModules();
});

describe("undici engine without the undici package", () => {
  it("falls back to Node's fetch without a dispatcher, and rejects with one", async () => {
    const { undiciEngine, selectEngine } = await import("../../src/internal/http/engine.js");
    const server = await serve((_req, res) => res.end('{"ok":true}'));
    const signal = new AbortController().signal;
    expect(selectEngine({})).toBe(undiciEngine);
    for (let i = 0; i < 2; i++) {
      const response = await undiciEngine({
        method: "GET",
        url: `${server.origin}/`,
        headers: {},
        signal,
      });
      expect(await response.text(signal)).toBe('{"ok":true}');
    }
    expect(server.requests.map(viaFetch)).toEqual([true, true]);
    await expect(
      undiciEngine({
        method: "GET",
        url: `${server.origin}/`,
        headers: {},
        signal,
        dispatcher: {},
      }),
    ).rejects.toThrow(/mock|Dynamic require/);
  });
});

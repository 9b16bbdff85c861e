/**
 * The undici engine against a loopback node:http server: content codings undone for whole
 * bodies and chunk by chunk, repeated headers, the headers `fetch` would have added, abort
 * and reset mid-body, and a cancel that never waits for the network.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type EngineResponse, undiciEngine } from "../../src/internal/http/engine.js";
import { useLoopback, writePieces } from "./loopback.js";

const serve = useLoopback();
const never = () => new AbortController().signal;

/** ~300 KB of varied text with multi-byte characters, so bodies span many chunks. */
const TEXT = Array.from(
  { length: 4_000 },
  (_, i) => `{"line":${i},"name":"Zoë ${"ñ".repeat(i % 7)}","emoji":"🚀"}\n`,
).join("");
const BYTES = Buffer.from(TEXT);

const ENCODINGS: [string, (bytes: Buffer) => Buffer][] = [
  ["gzip", gzipSync],
  ["x-gzip", gzipSync],
  ["deflate", deflateSync],
  ["deflate (raw, as some servers send it)", deflateRawSync],
  ["br", brotliCompressSync],
  ["gzip, br (two codings)", (bytes) => brotliCompressSync(gzipSync(bytes))],
];
const headerOf = (name: string) => name.replace(/ \(.*\)$/, "").replace(/^deflate.*/, "deflate");

/** Serves `body` in 16 KB pieces, one per event-loop turn, so the client sees many chunks. */
async function servePieces(body: Buffer, headers: Record<string, string>) {
  return serve((_req, res) => {
    res.writeHead(200, headers);
    writePieces(res, body);
  });
}

async function readAll(response: EngineResponse): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await response.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
  }
}

const get = (url: string, headers: Record<string, string> = {}, signal = never()) =>
  undiciEngine({ method: "GET", url, headers, signal });

describe("undici engine: content codings", () => {
  for (const [name, encode] of ENCODINGS) {
    const coding = name === "gzip, br (two codings)" ? "gzip, br" : headerOf(name);

    it(`text(): ${name}`, async () => {
      const server = await servePieces(encode(BYTES), { "content-encoding": coding });
      const response = await get(`${server.origin}/`);
      expect(await response.text(never())).toBe(TEXT);
    });

    it(`read(): ${name}, chunk by chunk`, async () => {
      const server = await servePieces(encode(BYTES), { "content-encoding": coding });
      const response = await get(`${server.origin}/`);
      expect((await readAll(response)).equals(BYTES)).toBe(true);
    });
  }

  it("asks for gzip, deflate and br, and sends fetch's accept and user-agent defaults", async () => {
    const server = await servePieces(Buffer.from("{}"), {});
    await (await get(`${server.origin}/`)).text(never());
    await (
      await get(`${server.origin}/`, { "Accept-Encoding": "identity", "user-agent": "me/1" })
    ).text(never());
    expect(server.requests[0]?.headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(server.requests[0]?.headers.accept).toBe("*/*");
    expect(server.requests[0]?.headers["user-agent"]).toBe("node");
    expect(server.requests[1]?.headers["accept-encoding"]).toBe("identity");
    expect(server.requests[1]?.headers["user-agent"]).toBe("me/1");
  });

  it("passes an unknown coding through untouched, as fetch does", async () => {
    const server = await servePieces(BYTES, { "content-encoding": "identity, sdch" });
    expect(await (await get(`${server.origin}/`)).text(never())).toBe(TEXT);
  });

  it("drops a UTF-8 BOM, encoded or not; an empty body is empty text", async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"é"}')]);
    const plain = await servePieces(withBom, {});
    expect(await (await get(`${plain.origin}/`)).text(never())).toBe('{"a":"é"}');
    const gzipped = await servePieces(gzipSync(withBom), { "content-encoding": "gzip" });
    expect(await (await get(`${gzipped.origin}/`)).text(never())).toBe('{"a":"é"}');
    const empty = await serve((_req, res) =>
      res.writeHead(204, { "content-encoding": "gzip" }).end(),
    );
    const response = await get(`${empty.origin}/`);
    expect(response.status).toBe(204);
    expect(await response.text(never())).toBe("");
  });

  it("rejects a corrupt encoded body", async () => {
    const server = await servePieces(Buffer.from("not gzip at all"), {
      "content-encoding": "gzip",
    });
    await expect((await get(`${server.origin}/`)).text(never())).rejects.toThrow();
    await expect(readAll(await get(`${server.origin}/`))).rejects.toThrow();
  });
});

describe("undici engine: headers", () => {
  it("keeps every value of a repeated header (set-cookie, link)", async () => {
    const server = await serve((_req, res) => {
      res.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      res.setHeader("link", ['<https://x/?page=2>; rel="next"', '<https://x/?page=9>; rel="last"']);
      res.setHeader("x-request-id", "r1");
      res.end("{}");
    });
    const response = await get(`${server.origin}/`);
    expect(response.headers).toBeInstanceOf(Headers);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("link")).toBe(
      '<https://x/?page=2>; rel="next", <https://x/?page=9>; rel="last"',
    );
    expect(response.headers.get("X-Request-Id")).toBe("r1");
    await response.cancel();
  });

  it("does not follow redirects", async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: "/elsewhere" }).end());
    const response = await get(`${server.origin}/`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/elsewhere");
    await response.cancel();
    expect(server.requests).toHaveLength(1);
  });
});

describe("undici engine: failures mid-body", () => {
  /** Headers and the first piece, then nothing (or a reset after `resetAfterMs`). */
  async function stalling(headers: Record<string, string>, first: Buffer, resetAfterMs?: number) {
    return serve((_req, res) => {
      res.writeHead(200, { "content-length": String(first.length * 10), ...headers });
      res.write(first);
      if (resetAfterMs !== undefined) setTimeout(() => res.destroy(), resetAfterMs);
    });
  }

  it("text() gives up when its signal aborts, with the signal's reason", async () => {
    const server = await stalling({}, BYTES.subarray(0, 1000));
    const response = await get(`${server.origin}/`);
    const reading = response.text(AbortSignal.timeout(50));
    await expect(reading).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("the request's signal aborting mid-body rejects read() (plain and gzip)", async () => {
    for (const [headers, first] of [
      [{}, BYTES.subarray(0, 1000)],
      [{ "content-encoding": "gzip" }, gzipSync(BYTES).subarray(0, 1000)],
    ] as const) {
      const server = await stalling(headers, first);
      const controller = new AbortController();
      const response = await get(`${server.origin}/`, {}, controller.signal);
      await response.read();
      setTimeout(() => controller.abort(new Error("stop")), 20);
      await expect(readAll(response)).rejects.toThrow("stop");
    }
  });

  it("a connection reset mid-body rejects text() and read()", async () => {
    for (const headers of [{}, { "content-encoding": "gzip" }]) {
      const first = headers["content-encoding"]
        ? gzipSync(BYTES).subarray(0, 2000)
        : BYTES.subarray(0, 2000);
      const server = await stalling(headers, first, 20);
      await expect((await get(`${server.origin}/`)).text(never())).rejects.toThrow();
      await expect(readAll(await get(`${server.origin}/`))).rejects.toThrow();
    }
  });

  it("cancel() on a stalled body returns at once and closes the connection", async () => {
    let closed!: () => void;
    const closedOnServer = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const server = await serve((req, res) => {
      req.socket.on("close", () => closed());
      res.writeHead(200, { "content-encoding": "gzip" });
      res.write(gzipSync(BYTES).subarray(0, 1000));
    });
    const response = await get(`${server.origin}/`);
    await response.read();
    await response.cancel();
    await expect(
      Promise.race([closedOnServer, new Promise((_, reject) => setTimeout(reject, 2_000))]),
    ).resolves.toBeUndefined();
  });
});

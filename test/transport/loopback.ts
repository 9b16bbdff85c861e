/** Loopback node:http servers for the transport tests: 127.0.0.1 only, closed after each test. */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach } from "vitest";

/** What a loopback server saw of one request. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** Answers one request. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A started server: its origin (`http://127.0.0.1:PORT`) and every request it got, in order. */
export interface Loopback {
  origin: string;
  requests: Received[];
  server: Server;
}

/**
 * Returns `serve(handler)`, which starts a loopback server; every server started is closed
 * (connections included) after each test of the calling file.
 */
export function useLoopback(): (handler: Handler) => Promise<Loopback> {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  });
  return async (handler) => {
    const requests: Received[] = [];
    const server = createServer((req, res) => {
      requests.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers });
      handler(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}`, requests, server };
  };
}

/**
 * Node's built-in `fetch` sends `sec-fetch-mode: cors`; a client that bypassed it (undici's
 * `request`, `http.request`) sends no such header: tells the server the request came through `fetch`.
 */
export const viaFetch = (request: Received | undefined) =>
  request?.headers["sec-fetch-mode"] === "cors";

/**
 * The content codings `fetch` undoes, as `[label, Content-Encoding value, encoder]`
 * (`deflate` twice: zlib-wrapped as the RFC says, and raw as some servers send it).
 */
export const CONTENT_CODINGS = [
  ["gzip", "gzip", gzipSync],
  ["deflate", "deflate", deflateSync],
  ["raw deflate", "deflate", deflateRawSync],
  ["br", "br", brotliCompressSync],
] as const;

/** Writes `bytes` in 16 KB pieces, one per event-loop turn; stops after `until` bytes if given. */
export function writePieces(res: ServerResponse, bytes: Buffer, until?: number, then?: () => void) {
  let at = 0;
  const next = () => {
    if (until !== undefined && at >= until) {
      then?.();
      return;
    }
    if (at >= bytes.length) {
      res.end();
      return;
    }
    res.write(bytes.subarray(at, at + 16_384));
    at += 16_384;
    setImmediate(next);
  };
  next();
}

/**
 * `startMockServer`: the mock on a loopback HTTP server, for non-JavaScript
 * clients, Octokit cross-checks and `npm run demo`. Two `node:http` servers on
 * 127.0.0.1: the API on `port`, report downloads on a second random port, so
 * the download links really are a different origin (a client must not send its
 * token there). Each request becomes a WHATWG `Request` answered by msw's
 * `getResponse` over the mock's handlers; a dropped-connection fault destroys
 * the socket. The API server also answers the control API under `/_mock/`
 * (state, faults, request log: see control.ts) for test suites in any language.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type HttpHandler } from "msw";
import { control } from "./control.js";
import { type CopilotMock, type CopilotMockOptions, createCopilotMock } from "./mock.js";
import type { MockSeed } from "./types.js";

/** Options of `startMockServer` when it builds the mock itself. */
export interface MockServerOptions {
  /** API port; 0 (default) picks a free one. */
  port?: number;
  host?: "127.0.0.1";
  seed?: MockSeed;
  tokens?: CopilotMockOptions["tokens"];
  /** Clock of the mock, as in `createCopilotMock`. Default `() => new Date()`. */
  now?: CopilotMockOptions["now"];
}

/** Options of `startMockServer` serving an existing mock. */
export interface ExistingMockServerOptions {
  mock: CopilotMock;
  port?: number;
}

/** A running mock server. */
export interface MockServer {
  /** API base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  /** Origin of the report download server. */
  downloadUrl: string;
  /** A token the server accepts (with every scope unless `tokens` says otherwise). */
  token: string;
  mock: CopilotMock;
  /** Stops both servers, closing open connections. */
  close(): Promise<void>;
}

/** The token printed by the bin and returned by `startMockServer` when no `tokens` are configured. */
export const MOCK_TOKEN = "ghp_copilotMockToken000000000000000000";

function toRequest(req: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const init: RequestInit = { method, headers };
  if (method !== "GET" && method !== "HEAD" && body.length > 0) init.body = new Uint8Array(body);
  return new Request(new URL(req.url ?? "/", origin), init);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

async function answer(
  handlers: HttpHandler[],
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
  controlled?: CopilotMock,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (controlled) {
    const path = new URL(req.url ?? "/", origin).pathname;
    const answered = control(controlled, req.method ?? "GET", path, body.toString("utf8"));
    if (answered) {
      reply(res, answered.status, answered.body);
      return;
    }
  }
  const response = await getResponse(handlers, toRequest(req, origin, body));
  if (!response) {
    reply(res, 404, {
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest",
      status: "404",
    });
    return;
  }
  if (response.type === "error") {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const payload = Buffer.from(await response.arrayBuffer());
  delete headers["content-length"];
  res.writeHead(response.status, { ...headers, "content-length": String(payload.length) });
  res.end(req.method === "HEAD" ? undefined : payload);
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${address.port}`);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * Starts the mock on 127.0.0.1. Pass `{ seed }` (and optionally `tokens`, `now`)
 * to build a mock whose base URL is the server, or `{ mock }` to serve an
 * existing mock's state (its msw handlers keep answering on their own origins).
 */
export async function startMockServer(
  options: MockServerOptions | ExistingMockServerOptions = {},
): Promise<MockServer> {
  let handlers: HttpHandler[] = [];
  let mock: CopilotMock | undefined;
  const api = createServer((req, res) => {
    answer(handlers, url, req, res, mock).catch(() => req.socket.destroy());
  });
  const downloads = createServer((req, res) => {
    answer(handlers, downloadUrl, req, res).catch(() => req.socket.destroy());
  });
  const url = await listen(api, options.port ?? 0);
  let downloadUrl: string;
  try {
    downloadUrl = await listen(downloads, 0);
  } catch (cause) {
    await stop(api);
    throw cause;
  }
  if ("mock" in options) {
    mock = options.mock;
    handlers = mock.handlersFor({ baseUrl: url, downloadOrigin: downloadUrl });
  } else {
    const mockOptions: CopilotMockOptions = { baseUrl: url, downloadOrigin: downloadUrl };
    if (options.seed) mockOptions.seed = options.seed;
    if (options.tokens) mockOptions.tokens = options.tokens;
    if (options.now) mockOptions.now = options.now;
    mock = createCopilotMock(mockOptions);
    handlers = mock.handlers;
  }
  const tokens = "mock" in options ? undefined : options.tokens;
  const served = mock;
  return {
    url,
    downloadUrl,
    token: tokens ? (Object.keys(tokens)[0] ?? MOCK_TOKEN) : MOCK_TOKEN,
    mock: served,
    close: async () => {
      await Promise.all([stop(api), stop(downloads)]);
    },
  };
}

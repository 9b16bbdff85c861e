/**
 * Which HTTP engine performs an attempt, and the response shape both engines share.
 *
 * Two engines:
 *
 * - **undici `request`** (the `undici` package, a runtime dependency, imported lazily on first
 *   use): used when the client would otherwise call Node's own built-in `fetch`, and whenever a
 *   `dispatcher` is configured. It costs about 0.55 ms less CPU than Node's WHATWG `fetch` per
 *   230 KB page (`npm run bench`: 1.05 s against 1.6 s over 1 000 pages), the WHATWG streams
 *   and Request/Response objects it skips. Without a dispatcher it sends through undici's
 *   global dispatcher, which Node's `fetch` shares (`Symbol.for("undici.globalDispatcher.1")`),
 *   so `setGlobalDispatcher(new MockAgent())` or a `ProxyAgent` still applies. It does what
 *   `fetch` would have done for us: `accept`, `user-agent` (`node`) and
 *   `accept-encoding: gzip, deflate, br` (`identity` with a `Range`) unless the caller set
 *   them, and `Content-Encoding` undone (gzip, x-gzip, deflate, br; as leniently as undici's
 *   `fetch`).
 * - **WHATWG `fetch`**: an explicit `fetch` option, or a `globalThis.fetch` that is not Node's
 *   own (msw/node, nock and polyfills replace it), so an interceptor installed at any time sees
 *   every request made with default options.
 *
 * Both engines leave redirects to the caller (`redirect: "manual"`; undici's `request` does not
 * follow them) and reject with the engine's own error when the signal aborts or the connection
 * fails: the callers map them to `RequestAbortedError`, `TimeoutError` or `ConnectionError`.
 *
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 * @see https://fetch.spec.whatwg.org/#http-network-fetch (content codings, default headers)
 */
import type { Readable } from "node:stream";
import { pipeline, Transform, type TransformCallback } from "node:stream";
import {
  brotliDecompressSync,
  constants,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  gunzipSync,
  inflateRawSync,
  inflateSync,
  type ZlibOptions,
} from "node:zlib";
import type { Dispatcher } from "undici";

/** One request, as an engine sends it. */
export interface EngineRequest {
  /** HTTP method, upper case (`"GET"`, `"POST"`, ...). */
  method: string;
  /** Absolute `http:` or `https:` URL. */
  url: string;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  /** Request body (JSON text), if any. */
  body?: string | undefined;
  /** Aborts the request, and the body while it is read: the engine rejects (its own error). */
  signal: AbortSignal;
  /** undici `Dispatcher` (Agent, ProxyAgent, MockAgent) to send through; otherwise the global one. */
  dispatcher?: unknown;
}

/**
 * An answer, whichever engine got it. Read the body once, with either `read` or `text`;
 * `cancel` releases it (always call it when not reading to the end).
 */
export interface EngineResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers; repeated ones (`set-cookie`, `link`) are all kept (`getSetCookie()`). */
  readonly headers: Headers;
  /**
   * The next chunk of the body, `Content-Encoding` undone; `{ done: true }` at the end.
   *
   * @throws the engine's error when the connection fails or the request's signal aborts.
   */
  read(): Promise<IteratorResult<Uint8Array, undefined>>;
  /**
   * The whole body as UTF-8 text (`Content-Encoding` undone, a leading BOM dropped); `""` for
   * no body. Gives up as soon as `signal` aborts.
   *
   * @throws `signal.reason` (or the engine's abort error) when `signal` aborts, the engine's
   *   error when the connection fails or the encoded body is corrupt.
   */
  text(signal: AbortSignal): Promise<string>;
  /** Drops the rest of the body (the connection is closed if it is not complete). Never waits for the network. */
  cancel(): Promise<void>;
}

/** Sends one request and resolves with the answer once its headers have arrived. */
export type Engine = (request: EngineRequest) => Promise<EngineResponse>;

/** What the caller configured; see {@link selectEngine}. */
export interface EngineChoice {
  /** An explicit WHATWG `fetch` (`ClientOptions.fetch`). */
  fetch?: typeof globalThis.fetch | undefined;
  /** An undici `Dispatcher` (`ClientOptions.dispatcher`). */
  dispatcher?: unknown;
}

/**
 * The engine for one attempt, chosen at call time:
 *
 * 1. `choice.fetch` given: that `fetch` (with `dispatcher` passed along as its option, if any);
 * 2. else `choice.dispatcher` given: undici's `request` through that dispatcher;
 * 3. else `globalThis.fetch` is Node's own built-in: undici's `request` (global dispatcher);
 * 4. else (msw/node, nock or a polyfill replaced it): `globalThis.fetch`.
 */
export function selectEngine(choice: EngineChoice): Engine {
  if (choice.fetch) return fetchEngine(choice.fetch);
  if (choice.dispatcher !== undefined && choice.dispatcher !== null) return undiciEngine;
  const fetch = globalThis.fetch;
  return isNodeFetch(fetch) ? undiciEngine : fetchEngine(fetch);
}

/** Marker of Node's built-in `fetch` source (Node 20, 22, 24): a module only Node's own code can require. */
const NODE_FETCH_SOURCE = "require('internal/deps/undici/undici')";
let lastChecked: unknown;
let lastVerdict = false;

/**
 * Whether `fn` is Node's own built-in `fetch`, not a wrapper or a replacement (msw, nock,
 * polyfills). Its source text requires `internal/deps/undici/undici`, which user-land code
 * cannot; the verdict is cached for the last function checked, so a call costs one comparison.
 */
export function isNodeFetch(fn: unknown): boolean {
  if (fn === lastChecked) return lastVerdict;
  lastChecked = fn;
  lastVerdict =
    typeof fn === "function" && Function.prototype.toString.call(fn).includes(NODE_FETCH_SOURCE);
  return lastVerdict;
}

// ---------------------------------------------------------------------------------------------
// WHATWG fetch

const DONE: IteratorResult<Uint8Array, undefined> = { done: true, value: undefined };
const noop = () => {};

/** An engine sending with `fetch` (`redirect: "manual"`; `dispatcher` passed as its option). */
export function fetchEngine(fetch: typeof globalThis.fetch): Engine {
  return async (request) => {
    const init: RequestInit & { dispatcher?: unknown } = {
      method: request.method,
      headers: request.headers,
      signal: request.signal,
      redirect: "manual",
    };
    if (request.body !== undefined) init.body = request.body;
    if (request.dispatcher !== undefined) init.dispatcher = request.dispatcher;
    return fromFetch(await fetch(request.url, init));
  };
}

function fromFetch(response: Response): EngineResponse {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return {
    status: response.status,
    headers: response.headers,
    read() {
      if (!response.body) return Promise.resolve(DONE);
      reader ??= response.body.getReader();
      return reader.read() as Promise<IteratorResult<Uint8Array, undefined>>;
    },
    text: (signal) => readFetchText(response, signal),
    cancel() {
      // Not awaited: a cancel can stay pending forever (msw's mocked bodies never settle it).
      if (reader) reader.cancel().catch(noop);
      else if (response.body && !response.body.locked) response.body.cancel().catch(noop);
      return Promise.resolve();
    },
  };
}

/**
 * Reads a `fetch` body as text, giving up as soon as `signal` aborts (a mocked or stalled body
 * does not always observe the fetch signal once headers have arrived).
 */
async function readFetchText(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const cancel = () => {
    reader.cancel().catch(noop);
  };
  signal.addEventListener("abort", cancel, { once: true });
  try {
    // Chunks are kept as bytes and decoded once: a page is ~100 KB, decoding per chunk costs more.
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason ?? new Error("aborted");
      if (done) return utf8(Buffer.concat(chunks, length));
      chunks.push(value);
      length += value.byteLength;
    }
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}

/** UTF-8 text of `bytes` without a leading BOM (as `TextDecoder` drops it). */
function utf8(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// undici request

type Undici = typeof import("undici");
let undiciModule: Undici | undefined;
let undiciLoading: Promise<Undici | Error> | undefined;

/**
 * The `undici` package, imported on first use (a cached promise, then the module itself), or
 * the error that loading it threw: an ESM bundle of this SDK made without a `require` for
 * CommonJS packages (esbuild's "Dynamic require of "node:assert" is not supported") cannot
 * load undici at all. Loading is tried once.
 */
function loadUndici(): Undici | Promise<Undici | Error> {
  if (undiciModule) return undiciModule;
  undiciLoading ??= import("undici").then(
    (module) => {
      undiciModule = module;
      return module;
    },
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  return undiciLoading;
}

/** Headers `fetch` adds when the caller did not: the servers see the same request either way. */
const DEFAULT_HEADERS: readonly (readonly [string, string])[] = [
  ["accept", "*/*"],
  ["accept-encoding", "gzip, deflate, br"],
  ["user-agent", "node"],
];

function withDefaults(headers: Record<string, string>): Record<string, string> {
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  const out = { ...headers };
  // With a Range, `fetch` asks for `identity`: byte offsets count the stored bytes.
  if (names.includes("range") && !names.includes("accept-encoding")) {
    out["accept-encoding"] = "identity";
  }
  for (const [name, value] of DEFAULT_HEADERS) {
    if (!names.includes(name) && out[name] === undefined) out[name] = value;
  }
  return out;
}

/**
 * An engine sending with undici's `request` (no redirect following), through `dispatcher`
 * when the request has one, else undici's global dispatcher. When the `undici` package cannot
 * be loaded (see `loadUndici`), a request without a dispatcher goes through `globalThis.fetch`
 * instead, as it did before this engine existed; one with a dispatcher rejects with the
 * loading error.
 */
export const undiciEngine: Engine = async (request) => {
  const undici = await loadUndici();
  if (undici instanceof Error) {
    if (request.dispatcher !== undefined && request.dispatcher !== null) throw undici;
    return fetchEngine(globalThis.fetch)(request);
  }
  const options: NonNullable<Parameters<Undici["request"]>[1]> = {
    method: request.method,
    headers: withDefaults(request.headers),
    signal: request.signal,
  };
  if (request.body !== undefined) options.body = request.body;
  if (request.dispatcher !== undefined && request.dispatcher !== null) {
    options.dispatcher = request.dispatcher as Dispatcher;
  }
  const response = await undici.request(request.url, options);
  return new UndiciResponse(response, request.method);
};

type UndiciBody = Dispatcher.ResponseData["body"];

/** Statuses whose answer has no body to decode (`fetch`'s "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/** `fetch` refuses more content codings than this (resource exhaustion). */
const MAX_CODINGS = 5;

/**
 * The codings of `Content-Encoding` to undo, last applied first; `undefined` when the body is
 * to be taken as is (none, `identity`, or one `fetch` does not know: then `fetch` decodes none).
 *
 * @throws {Error} for more than five codings.
 */
function codingsOf(header: string | null): string[] | undefined {
  if (!header) return undefined;
  const codings = header.toLowerCase().split(",");
  if (codings.length > MAX_CODINGS) {
    throw new Error(`too many content-encodings in response: ${codings.length}`);
  }
  const out: string[] = [];
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i]!.trim();
    if (coding === "x-gzip") out.push("gzip");
    else if (coding === "gzip" || coding === "deflate" || coding === "br") out.push(coding);
    else return undefined;
  }
  return out;
}

/** Lenient flushing, as undici's `fetch` (and cURL) decode: a body cut at a block boundary is accepted. */
const ZLIB: ZlibOptions = {
  flush: constants.Z_SYNC_FLUSH,
  finishFlush: constants.Z_SYNC_FLUSH,
};
const BROTLI = {
  flush: constants.BROTLI_OPERATION_FLUSH,
  finishFlush: constants.BROTLI_OPERATION_FLUSH,
};

/** `deflate` is zlib-wrapped by the RFC, but some servers send raw deflate: the first byte tells. */
const isZlibWrapped = (bytes: Uint8Array) => ((bytes[0] ?? 0) & 0x0f) === 0x08;

function decodeSync(bytes: Buffer, codings: readonly string[]): Buffer {
  let out = bytes;
  for (const coding of codings) {
    if (out.length === 0) return out;
    if (coding === "gzip") out = gunzipSync(out, ZLIB);
    else if (coding === "br") out = brotliDecompressSync(out, BROTLI);
    else out = isZlibWrapped(out) ? inflateSync(out, ZLIB) : inflateRawSync(out, ZLIB);
  }
  return out;
}

/** Streaming `deflate`: zlib-wrapped or raw, decided on the first byte (as undici's `fetch`). */
class InflateEither extends Transform {
  #inner: Transform | undefined;

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.#inner) {
      if (chunk.length === 0) {
        callback();
        return;
      }
      const inner = isZlibWrapped(chunk) ? createInflate(ZLIB) : createInflateRaw(ZLIB);
      inner.on("data", (data: Buffer) => this.push(data));
      inner.on("error", (error) => this.destroy(error));
      this.#inner = inner;
    }
    this.#inner.write(chunk, encoding, callback);
  }

  override _flush(callback: TransformCallback): void {
    const inner = this.#inner;
    if (!inner) {
      callback();
      return;
    }
    inner.once("end", () => callback());
    inner.end();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.#inner?.destroy();
    callback(error);
  }
}

function decoderFor(coding: string): Transform {
  if (coding === "gzip") return createGunzip(ZLIB);
  if (coding === "br") return createBrotliDecompress(BROTLI);
  return new InflateEither();
}

/** Converts undici's header object (repeated headers as arrays) to `Headers`. */
function toHeaders(raw: Dispatcher.ResponseData["headers"]): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  return headers;
}

/** An answer of undici's `request`. */
class UndiciResponse implements EngineResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly #body: UndiciBody;
  /** Codings to undo, `undefined` for none; computed on the first read. */
  #codings: string[] | undefined | null = null;
  #chunks: AsyncIterator<Uint8Array, undefined> | undefined;
  #decoded: Readable | undefined;

  constructor(response: Dispatcher.ResponseData<unknown>, method: string) {
    this.status = response.statusCode;
    this.headers = toHeaders(response.headers);
    this.#body = response.body;
    if (method === "HEAD" || method === "CONNECT" || NULL_BODY.has(this.status)) {
      this.#codings = undefined;
    }
  }

  #codingsToUndo(): string[] | undefined {
    if (this.#codings === null) this.#codings = codingsOf(this.headers.get("content-encoding"));
    return this.#codings;
  }

  read(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (!this.#chunks) {
      try {
        this.#chunks = this.#stream()[Symbol.asyncIterator]();
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#chunks.next();
  }

  /** The body, through the decoders of its content codings. */
  #stream(): Readable {
    const codings = this.#codingsToUndo();
    if (!codings || codings.length === 0) return this.#body;
    const decoders = codings.map(decoderFor);
    // pipeline destroys every stream with the first error (a reset body, an abort, corrupt
    // data), so the last decoder's iterator rejects with it.
    const decoded = pipeline([this.#body, ...decoders], noop) as unknown as Readable;
    this.#decoded = decoded;
    return decoded;
  }

  async text(signal: AbortSignal): Promise<string> {
    const body = this.#body;
    if (signal.aborted) {
      await this.cancel();
      throw signal.reason;
    }
    // undici already destroys the body when the request's own signal aborts; `signal` may be
    // another one.
    const abort = () => {
      body.on("error", noop);
      body.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    signal.addEventListener("abort", abort, { once: true });
    try {
      const codings = this.#codingsToUndo();
      // undici's text() decodes once with Buffer#utf8Slice and drops a BOM.
      if (!codings || codings.length === 0) return await body.text();
      return utf8(decodeSync(Buffer.from(await body.arrayBuffer()), codings));
    } finally {
      signal.removeEventListener("abort", abort);
    }
  }

  cancel(): Promise<void> {
    // destroy() without an error still errors an unfinished undici body (RequestAbortedError):
    // the listener keeps that from being an unhandled 'error' event.
    this.#body.on("error", noop);
    this.#body.destroy();
    if (this.#decoded) {
      this.#decoded.on("error", noop);
      this.#decoded.destroy();
    }
    return Promise.resolve();
  }
}

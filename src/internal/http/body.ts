/**
 * Reading a response body under a size limit. `fetch` has already undone the
 * `Content-Encoding` (gzip, deflate, br) as the bytes stream in, so the count is of decoded
 * bytes: a compression bomb stops at the limit, one chunk past it at most, and never
 * materialises. A `Content-Length` over the limit (of an unencoded body) fails before any
 * byte is read.
 */
import { StringDecoder } from "node:string_decoder";
import { followAbort } from "../resilience/abort.js";

/** Thrown by {@link readText} when the body is larger than `limit` bytes. */
export class BodyLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

/** The declared size of an unencoded body, or `undefined` (absent, encoded or garbage). */
function declaredLength(headers: Headers): number | undefined {
  const encoding = headers.get("content-encoding");
  if (encoding && encoding.trim().toLowerCase() !== "identity") return undefined;
  const text = headers.get("content-length");
  if (text === null || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The next chunk, or a rejection with `signal.reason` as soon as `signal` aborts, even when
 * the stream does not react to the abort itself (a body produced by an interceptor).
 */
export function readChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const unfollow = followAbort(signal, reject);
    reader.read().then(
      (result) => {
        unfollow();
        resolve(result);
      },
      (error: unknown) => {
        unfollow();
        reject(error);
      },
    );
  });
}

/** A body read whole: its text (UTF-8, decoded as the bytes arrive) and its decoded size. */
export interface BodyText {
  text: string;
  /** Decoded bytes read (after `Content-Encoding`). */
  bytes: number;
}

/**
 * The whole body as UTF-8 text, at most `limit` decoded bytes of it. Each chunk is decoded
 * as it arrives (a multi-byte character split across chunks is kept for the next one) and
 * dropped, so no copy of the whole body as bytes is ever held.
 *
 * @throws {BodyLimitExceeded} past `limit` decoded bytes (the body is cancelled).
 * @throws the stream's error (reset, corrupt encoding) as `fetch` raises it; `signal.reason`
 *   when `signal` aborts.
 */
export async function readText(
  response: Response,
  limit: number,
  signal: AbortSignal,
): Promise<BodyText> {
  const body = response.body;
  if (!body) return { text: "", bytes: 0 };
  const declared = declaredLength(response.headers);
  if (declared !== undefined && declared > limit) {
    body.cancel().catch(() => {});
    throw new BodyLimitExceeded(limit);
  }
  const reader = body.getReader();
  const decoder = new StringDecoder("utf8");
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await readChunk(reader, signal);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > limit) throw new BodyLimitExceeded(limit);
      text += decoder.write(value);
    }
  } catch (error) {
    // Never awaited: a cancel can wait on the peer (or an interceptor) forever.
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
  }
  return { text: text + decoder.end(), bytes };
}

/** The parsed body: JSON, `null` when empty, the text when it is not JSON. */
export interface ParsedBody {
  body: unknown;
  /** Set when the body looked like JSON but did not parse (never quotes the body). */
  parseError?: string;
}

/**
 * Parses a body's text as JSON when the content type says JSON or the text starts like JSON.
 * A parse failure is described by position only: V8's message quotes the text around the
 * error, which can be a piece of a signed URL.
 */
export function parseBody({ text: raw, bytes }: BodyText, contentType: string | null): ParsedBody {
  if (bytes === 0) return { body: null };
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const looksJson = contentType?.includes("json") || /^\s*[[{"]/.test(text);
  if (!looksJson) return { body: text };
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    return {
      body: text,
      parseError: `not valid JSON (${bytes} bytes${position ? `, error at position ${position[1]}` : ""})`,
    };
  }
}

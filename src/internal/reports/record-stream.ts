/**
 * Bytes of one report file → record texts, in constant memory. GitHub serves per-user
 * reports as NDJSON, 28-day totals wrapped in `{ "day_totals": [...] }` (sometimes inside an
 * array), and 1-day totals as one flat object, with no content type to tell them apart, so
 * the shape is detected from the first non-blank characters.
 *
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema
 */
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { JsonRecordSplitter, type RecordText } from "./json-splitter.js";

export type { RecordText } from "./json-splitter.js";

/**
 * Gunzips the stream when it starts with the gzip magic bytes `1f 8b` (a `.gz` file served as
 * `application/gzip`, which `fetch` does not decode); passes it through otherwise.
 */
export async function* gunzipIfGzip(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = bytes[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) {
      if (head.length > 0) yield head;
      return;
    }
    head = head.length === 0 ? next.value : concat(head, next.value);
  }
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  const feed = (async () => {
    try {
      if (!gunzip.write(head)) await onceDrain(gunzip);
      for await (const chunk of rest) {
        if (gunzip.destroyed) return;
        if (!gunzip.write(chunk)) await onceDrain(gunzip);
      }
      gunzip.end();
    } catch (error) {
      gunzip.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
    await feed;
  } finally {
    // When the reader stops early, the feeding loop sees the destroyed gunzip on its next
    // chunk and closes the download; awaiting that here could wait for a stalled server.
    gunzip.destroy();
  }
}

function onceDrain(stream: NodeJS.WritableStream & { destroyed: boolean }): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * UTF-8 decoding that keeps multi-byte characters split across chunks whole and drops a
 * leading byte order mark.
 */
export async function* decodeUtf8(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // StringDecoder decodes with Buffer#utf8Slice: on Node 20 about 1 ms per MB cheaper than a
  // streaming TextDecoder (0.2 s of a 200 MB report); it does not drop the BOM by itself.
  const decoder = new StringDecoder("utf8");
  let first = true;
  for await (const chunk of bytes) {
    let text = decoder.write(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
    );
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) yield text;
  }
  let tail = decoder.end();
  if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
  if (tail.length > 0) yield tail;
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xfeff) return i;
  }
  return -1;
}

/**
 * Whether a file starting with `{` is NDJSON: its first line is a whole JSON value, or at
 * least looks like one (ends with `}`), as a corrupt first line should not turn the file into
 * one unparseable document. A pretty-printed object's first line is `{` or ends with `[ {`.
 */
function looksLikeNdjson(firstLine: string): boolean {
  const line = firstLine.trim();
  if (line.length > 1 && line.endsWith("}")) return true;
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** Thrown when one record (or the text before the shape is known) is longer than the limit. */
export class RecordTooLong extends Error {
  constructor(readonly limit: number) {
    super(`a record is longer than ${limit} characters`);
  }
}

/** Splits NDJSON: CRLF or LF, blank lines skipped, last line with or without a newline. */
class LineSplitter {
  out: RecordText[] = [];
  private line = 0;
  private pieces: string[] = [];
  private pending = 0;

  /** Characters of the line being read. */
  pendingLength(): number {
    return this.pending;
  }

  push(s: string): void {
    let start = 0;
    for (;;) {
      const nl = s.indexOf("\n", start);
      if (nl === -1) break;
      let text = s.slice(start, nl);
      if (this.pieces.length > 0) {
        this.pieces.push(text);
        text = this.pieces.join("");
        this.pieces = [];
        this.pending = 0;
      }
      this.emit(text);
      start = nl + 1;
    }
    if (start < s.length) {
      this.pieces.push(start === 0 ? s : s.slice(start));
      this.pending += s.length - start;
    }
  }

  end(): void {
    if (this.pieces.length > 0) this.emit(this.pieces.join(""));
    this.pieces = [];
    this.pending = 0;
  }

  private emit(raw: string): void {
    this.line++;
    let text = raw;
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    if (text.length === 0) return;
    const first = text.charCodeAt(0);
    if ((first <= 32 || first === 0xfeff) && firstNonBlank(text) === -1) return;
    this.out.push({ text, line: this.line });
  }
}

/**
 * Splits decoded text into record texts, batch by batch (one batch per input chunk), whatever
 * the file holds: NDJSON, a JSON array, an object with `day_totals`, or one flat object.
 * Memory stays bounded by `maxRecord` (characters of one record or line), never the file.
 *
 * @throws {RecordTooLong} as soon as one record grows past `maxRecord` characters.
 */
export async function* splitRecordTexts(
  text: AsyncIterable<string>,
  maxRecord = Number.POSITIVE_INFINITY,
): AsyncGenerator<RecordText[]> {
  let splitter: LineSplitter | JsonRecordSplitter | undefined;
  // Text read before the shape is known: blank text, then the first line of a `{` file.
  let head: string[] = [];
  let firstChar = -1;
  let firstAt = 0;
  let headLength = 0;
  for await (const chunk of text) {
    if (!splitter) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength > maxRecord) throw new RecordTooLong(maxRecord);
      if (firstChar === -1) {
        const joined = head.join("");
        const first = firstNonBlank(joined);
        if (first === -1) continue;
        head = [joined];
        firstAt = first;
        firstChar = joined.charCodeAt(first);
      }
      if (firstChar === 123) {
        // Look for the end of the first line in the new text only (lines can be 10 MB+).
        if (chunk.indexOf("\n") === -1 && head.length > 1) continue;
        const joined = head.length === 1 ? head[0]! : head.join("");
        const nl = joined.indexOf("\n", firstAt);
        head = [joined];
        if (nl === -1) continue;
        splitter = looksLikeNdjson(joined.slice(firstAt, nl))
          ? new LineSplitter()
          : new JsonRecordSplitter();
      } else {
        splitter = firstChar === 91 ? new JsonRecordSplitter() : new LineSplitter();
      }
      for (const piece of head) splitter.push(piece);
      head = [];
    } else {
      splitter.push(chunk);
    }
    if (splitter.pendingLength() > maxRecord) throw new RecordTooLong(maxRecord);
    if (splitter.out.length > 0) {
      for (const record of splitter.out) {
        if (record.text.length > maxRecord) throw new RecordTooLong(maxRecord);
      }
      yield splitter.out;
      splitter.out = [];
    }
  }
  if (!splitter) {
    if (firstChar === -1) return;
    splitter = new LineSplitter();
    for (const piece of head) splitter.push(piece);
  }
  splitter.end();
  for (const record of splitter.out) {
    if (record.text.length > maxRecord) throw new RecordTooLong(maxRecord);
  }
  if (splitter.out.length > 0) yield splitter.out;
}

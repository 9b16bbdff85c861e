/**
 * Download behaviour against real HTTP servers on 127.0.0.1 (redirects, encodings, broken
 * bodies), through the client's pipeline with a `fetch` option and with `globalThis.fetch`.
 */

import { randomBytes } from "node:crypto";
import { createGzip, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  NotFoundError,
  RequestAbortedError,
  TimeoutError,
} from "../../src/core/errors.js";
import type { AttemptEvent, RetryOptions } from "../../src/core/options.js";
import { Pipeline } from "../../src/internal/http/pipeline.js";
import { downloadFile } from "../../src/internal/reports/download.js";
import type { UserDayRecord } from "../../src/internal/reports/record-schemas.js";
import { readReportRecords } from "../../src/internal/reports/records.js";
import { CONTENT_CODINGS, useLoopback, viaFetch, writePieces } from "../transport/loopback.js";
import { collect, ndjson, userDay } from "./fixtures.js";

const serve = useLoopback();

const TOKEN = "Bearer ghp_abcdefghijklmnopqrstuvwxyz0123456789";
const rows = Array.from({ length: 50 }, (_, i) => userDay(i + 1, "2026-05-07"));
const body = Buffer.from(ndjson(rows));

type Seam = "fetch option" | "globalThis.fetch";

describe.each<Seam>(["fetch option", "globalThis.fetch"])("downloadFile over HTTP (%s)", (seam) => {
  function context(
    apiOrigin: string,
    extra: {
      timeoutMs?: number;
      signal?: AbortSignal;
      retry?: RetryOptions;
      onAttempt?: (event: AttemptEvent) => void;
    } = {},
  ) {
    const pipeline = new Pipeline({
      ...(seam === "fetch option"
        ? { fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args) }
        : {}),
      baseUrl: apiOrigin,
      auth: TOKEN.replace("Bearer ", ""),
      retry: extra.retry ?? false,
      throttle: false,
      timeoutMs: extra.timeoutMs ?? 10_000,
      ...(extra.onAttempt ? { hooks: { onAttempt: extra.onAttempt } } : {}),
    });
    return {
      pipeline,
      request: extra.signal ? { signal: extra.signal } : {},
      validation: "strict" as const,
      kind: "users-1-day" as const,
    };
  }

  it("follows a redirect from the API origin to a third origin without Authorization", async () => {
    const files = await serve((_req, res) => res.end(body));
    const api = await serve((_req, res) => {
      res.writeHead(302, { location: `${files.origin}/report.ndjson?sig=secret` }).end();
    });
    const out = await collect(
      readReportRecords<UserDayRecord>(
        { download_links: [`${api.origin}/reports/users-1-day/file`] },
        context(api.origin),
      ),
    );
    expect(out).toHaveLength(rows.length);
    expect(viaFetch(api.requests[0])).toBe(true);
    expect(viaFetch(files.requests[0])).toBe(true);
    expect(api.requests[0]?.headers.authorization).toBe(TOKEN);
    expect(files.requests).toHaveLength(1);
    expect(files.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("never sends Authorization to a download origin, even when it redirects back", async () => {
    const api = await serve((_req, res) => res.end(body));
    const files = await serve((_req, res) => {
      res.writeHead(307, { location: `${api.origin}/back` }).end();
    });
    await collect(
      readReportRecords({ download_links: [`${files.origin}/f`] }, context(api.origin)),
    );
    expect(files.requests[0]?.headers.authorization).toBeUndefined();
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("reads a body sent with content-encoding: gzip", async () => {
    const files = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(body));
    });
    const out = await collect(
      readReportRecords(
        { download_links: [`${files.origin}/f`] },
        context("https://api.github.com"),
      ),
    );
    expect(out).toEqual(rows);
  });

  it("resumes a body cut part-way with Range and If-Range, yielding each record once", async () => {
    const cut = Math.floor(body.length / 2) + 3;
    const files = await serve((req, res) => {
      const headers = { "accept-ranges": "bytes", etag: '"v1"' };
      const range = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ""));
      if (range) {
        const start = Number(range[1]);
        res
          .writeHead(206, {
            ...headers,
            "content-range": `bytes ${start}-${body.length - 1}/${body.length}`,
          })
          .end(body.subarray(start));
        return;
      }
      res.writeHead(200, { ...headers, "content-length": body.length });
      res.write(body.subarray(0, cut), () => res.destroy());
    });
    const out = await collect(
      readReportRecords<UserDayRecord>(
        { download_links: [`${files.origin}/f`] },
        context("https://api.github.com"),
      ),
    );
    expect(out.map((r) => r.user_id)).toEqual(rows.map((r) => r.user_id));
    expect(files.requests).toHaveLength(2);
    expect(files.requests[1]?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(files.requests[1]?.headers["if-range"]).toBe('"v1"');
    expect(files.requests[1]?.headers["accept-encoding"]).toBe("identity");
  });

  it("restarts a cut body from the start when the host has no ranges, skipping delivered bytes", async () => {
    let calls = 0;
    const files = await serve((_req, res) => {
      calls++;
      res.writeHead(200, { "content-length": body.length });
      if (calls === 1) res.write(body.subarray(0, 1000), () => res.destroy());
      else res.end(body);
    });
    const out = await collect(
      readReportRecords<UserDayRecord>(
        { download_links: [`${files.origin}/f`] },
        context("https://api.github.com"),
      ),
    );
    expect(out.map((r) => r.user_id)).toEqual(rows.map((r) => r.user_id));
    expect(files.requests[1]?.headers.range).toBeUndefined();
  });

  it("times out when the body stalls, after the configured resumes", async () => {
    const files = await serve((_req, res) => {
      res.writeHead(200);
      res.write(body.subarray(0, 10));
    });
    const error = await collect(
      downloadFile(
        `${files.origin}/f?sig=secret`,
        context("https://api.github.com", { timeoutMs: 100 }),
        {
          maxResumes: 1,
        },
      ),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(files.requests).toHaveLength(2);
    expect(String((error as TimeoutError).message)).not.toContain("secret");
  });

  it("opens through the client's pipeline, so its retry policy and hooks apply", async () => {
    let calls = 0;
    const files = await serve((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(503).end("busy");
      else res.end(body);
    });
    const events: AttemptEvent[] = [];
    const out = await collect(
      readReportRecords(
        { download_links: [`${files.origin}/f`] },
        context("https://api.github.com", {
          retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 },
          onAttempt: (event) => events.push(event),
        }),
      ),
    );
    expect(out).toHaveLength(rows.length);
    expect(events.map((e) => [e.route, e.status])).toEqual([
      ["GET {download_link}", 503],
      ["GET {download_link}", 200],
    ]);
  });

  it("maps a 404 to NotFoundError and a refused connection to ConnectionError", async () => {
    const files = await serve((_req, res) => res.writeHead(404).end("NoSuchKey"));
    const notFound = await collect(
      downloadFile(`${files.origin}/f?sig=1`, context("https://api.github.com")),
    ).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(NotFoundError);
    const closed = await serve((_req, res) => res.end());
    const origin = closed.origin;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const refused = await collect(
      downloadFile(`${origin}/f`, context("https://api.github.com")),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConnectionError);
  });

  it("stops with RequestAbortedError when the caller aborts", async () => {
    const files = await serve((_req, res) => {
      res.writeHead(200);
      res.write(body.subarray(0, 10));
    });
    const controller = new AbortController();
    const iterator = downloadFile(
      `${files.origin}/f`,
      context("https://api.github.com", { signal: controller.signal }),
    );
    await iterator.next();
    setTimeout(() => controller.abort(), 20);
    const error = await iterator.next().catch((e: unknown) => e);
    expect((error as Error).name).toBe("RequestAbortedError");
  });

  it("releases a stalled download when the reader stops early (plain and gzip files)", async () => {
    const files = await serve((req, res) => {
      res.writeHead(200);
      if (req.url === "/plain") {
        res.write(ndjson(rows.slice(0, 2)));
        return;
      }
      const gzip = createGzip();
      gzip.on("data", (chunk: Buffer) => res.write(chunk));
      gzip.write(ndjson(rows.slice(0, 2)));
      gzip.flush();
    });
    for (const name of ["plain", "gzip"]) {
      const started = Date.now();
      for await (const record of readReportRecords<UserDayRecord>(
        { download_links: [`${files.origin}/${name}`] },
        context("https://api.github.com", { timeoutMs: 5_000 }),
      )) {
        expect(record.user_id).toBe(1);
        break;
      }
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  /** ~870 KB, of which 400 KB of base64 noise: ~320 KB once encoded, so many pieces on the wire. */
  const many = Buffer.from(
    ndjson(Array.from({ length: 1_500 }, (_, i) => userDay(i + 1, "2026-05-07"))) +
      randomBytes(300_000).toString("base64"),
  );
  for (const [label, coding, encode] of CONTENT_CODINGS) {
    it(`streams a body sent with content-encoding: ${label}, decoded chunk by chunk`, async () => {
      const files = await serve((_req, res) => {
        res.writeHead(200, { "content-encoding": coding });
        writePieces(res, encode(many));
      });
      const chunks = await collect(
        downloadFile(`${files.origin}/f`, context("https://api.github.com")),
      );
      expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).equals(many)).toBe(true);
      expect(viaFetch(files.requests[0])).toBe(true);
    });
  }

  it("restarts an encoded body cut part-way from the start (ranges count stored bytes), each byte once", async () => {
    const encoded = gzipSync(many);
    let calls = 0;
    const files = await serve((_req, res) => {
      calls++;
      res.writeHead(200, { "content-encoding": "gzip", "accept-ranges": "bytes", etag: '"v1"' });
      // The first answer stops after half the encoded bytes, a few turns after the last write.
      if (calls === 1) {
        writePieces(res, encoded, encoded.length / 2, () => setTimeout(() => res.destroy(), 20));
      } else writePieces(res, encoded);
    });
    const chunks = await collect(
      downloadFile(`${files.origin}/f`, context("https://api.github.com")),
    );
    expect(Buffer.concat(chunks).equals(many)).toBe(true);
    expect(files.requests).toHaveLength(2);
    expect(files.requests[1]?.headers.range).toBeUndefined();
  });

  it("times out when an encoded body stalls, and aborts with RequestAbortedError", async () => {
    const files = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.write(gzipSync(many).subarray(0, 2_000));
    });
    const timedOut = await collect(
      downloadFile(`${files.origin}/f`, context("https://api.github.com", { timeoutMs: 100 }), {
        maxResumes: 0,
      }),
    ).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await collect(
      downloadFile(
        `${files.origin}/f`,
        context("https://api.github.com", { signal: controller.signal }),
      ),
    ).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(RequestAbortedError);
  });
});

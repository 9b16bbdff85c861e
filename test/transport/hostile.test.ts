/**
 * Hostile servers on 127.0.0.1 answering the SDK badly on purpose: one test per failure found
 * in 0.1, each through a `CopilotClient` with default options (so `globalThis.fetch`, the path
 * production runs). Every error is rendered every way a user can render it and scanned for
 * the token and the signature.
 */
import { inspect } from "node:util";
import { createGzip } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import {
  CopilotApiError,
  CopilotClient,
  PaginationError,
  ProtocolError,
  RateLimitError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
} from "../../src/index.js";
import { type Loopback, useLoopback } from "./loopback.js";

const serve = useLoopback();

const TOKEN = "ghp_hostileTokenAbcdefghijklmnopqrstuvwx";
const SIGNATURE = "5e3c1a9b7f2d4e6a8c0b1d3f5a7c9e1b";
const CREDENTIAL = "AKIAIOSFODNN7EXAMPLE%2F20261121";
const POLICY = "eyJleHBpcmF0aW9uIjoiMjAyNi0xMS0yMSJ9";
const QUERY = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${CREDENTIAL}&Policy=${POLICY}&X-Amz-Signature=${SIGNATURE}`;
const SECRETS = [TOKEN, SIGNATURE, CREDENTIAL, decodeURIComponent(CREDENTIAL), POLICY];

function client(
  api: Loopback | string,
  extra: ConstructorParameters<typeof CopilotClient>[0] = {},
) {
  return new CopilotClient({
    auth: TOKEN,
    baseUrl: typeof api === "string" ? api : api.origin,
    retry: { retries: 4, baseDelayMs: 1, maxDelayMs: 2 },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    ...extra,
  });
}

/** Every way a user renders an error: message, stack, JSON, inspect (hidden, any depth), body. */
function expectNoSecrets(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const renderings = [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify((error as { body?: unknown }).body ?? null),
  ];
  for (const text of renderings) {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  }
}

async function firstRecord(c: CopilotClient, link: string): Promise<unknown> {
  return c.reports
    .records({ download_links: [link] })
    [Symbol.asyncIterator]()
    .next()
    .catch((e: unknown) => e);
}

describe("hostile download hosts: no signature or token in any error", () => {
  it("a redirect without Location: a typed error, not retried, redacted", async () => {
    const files = await serve((_req, res) => res.writeHead(302).end());
    const error = await firstRecord(
      client("https://api.github.com"),
      `${files.origin}/r.json?${QUERY}`,
    );
    expect(error).toBeInstanceOf(CopilotApiError);
    expect((error as CopilotApiError).status).toBe(302);
    expect((error as Error).message).toMatch(/without a Location/);
    expect(files.requests).toHaveLength(1);
    expectNoSecrets(error);
  });

  it("more than 5 redirects: a typed error naming the limit, redacted", async () => {
    const files = await serve((req, res) => {
      const hop = Number(new URL(req.url ?? "/", "http://x").searchParams.get("hop") ?? "0");
      res.writeHead(302, { location: `/r.json?hop=${hop + 1}&${QUERY}` }).end();
    });
    const error = await firstRecord(
      client("https://api.github.com"),
      `${files.origin}/r.json?${QUERY}`,
    );
    expect(error).toBeInstanceOf(CopilotApiError);
    expect((error as Error).message).toMatch(/more than 5 redirects/);
    expect(files.requests).toHaveLength(6);
    expectNoSecrets(error);
  });

  it("a Content-Range that does not continue the file on resume: a ProtocolError, redacted", async () => {
    let calls = 0;
    const files = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(200, { "accept-ranges": "bytes", etag: '"v1"', "content-length": "100" });
        res.write('{"user_id":1}\n{"user');
        setTimeout(() => res.destroy(), 10);
        return;
      }
      res.writeHead(206, { "content-range": "bytes 50-99/100" }).end("x".repeat(50));
    });
    const c = client("https://api.github.com", { validation: "off" });
    const records: unknown[] = [];
    const failure = await (async () => {
      for await (const record of c.reports.records({
        download_links: [`${files.origin}/r.ndjson?${QUERY}`],
      }))
        records.push(record);
    })().catch((e: unknown) => e);
    expect(records).toEqual([{ user_id: 1 }]);
    expect(files.requests[1]?.headers.range).toBe("bytes=20-");
    expect(failure).toBeInstanceOf(ProtocolError);
    expect((failure as Error).message).toMatch(/Content-Range/);
    expectNoSecrets(failure);
  });

  for (const status of [400, 403, 404]) {
    it(`a ${status} from the storage host echoing the URL and signature: the body is redacted`, async () => {
      const files = await serve((req, res) => {
        res.writeHead(status, { "content-type": "application/xml" });
        res.end(
          `<Error><Code>AccessDenied</Code><URL>http://${req.headers.host}${req.url}</URL><SignatureProvided>${SIGNATURE}</SignatureProvided><Credential>${decodeURIComponent(CREDENTIAL)}</Credential></Error>`,
        );
      });
      const error = await firstRecord(
        client("https://api.github.com"),
        `${files.origin}/r.json?${QUERY}`,
      );
      expect(error).toBeInstanceOf(CopilotApiError);
      expect((error as CopilotApiError).status).toBe(status);
      expect(String((error as CopilotApiError).body)).toContain("AccessDenied");
      expect(files.requests[0]?.headers.authorization).toBeUndefined();
      expectNoSecrets(error);
    });
  }

  it("an invalid JSON report-link body: the parse error quotes nothing of the signed links", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        `{"download_links":["https://files.example/r.json?${QUERY}"],"report_day":"2026-11-20"`,
      );
    });
    const error = await client(api)
      .reports.orgUsersDaily({ org: "octo", day: "2026-11-20" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/not valid JSON/);
    expect(api.requests).toHaveLength(1);
    expectNoSecrets(error);
  });

  it("a relative download link: a typed error before anything is sent, not a retried ConnectionError", async () => {
    const c = client("https://api.github.com");
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const error = await firstRecord(c, `/reports/r.json?${QUERY}`);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]?.code).toBe("invalid_url");
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    expectNoSecrets(error);
  });

  it("a download trickled at 1 byte / 50 ms times out: the deadline covers the whole body", async () => {
    const files = await serve((_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write("{"), 50);
      res.on("close", () => clearInterval(timer));
    });
    const started = performance.now();
    const error = await firstRecord(
      client("https://api.github.com", { timeoutMs: 200 }),
      `${files.origin}/r.json?${QUERY}`,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    // 1 attempt + 4 resumes, 200 ms each: bounded, however the bytes trickle.
    expect(files.requests).toHaveLength(5);
    expect(performance.now() - started).toBeLessThan(5_000);
    expectNoSecrets(error);
  });
});

/** A gzip body that expands to `decoded` bytes of `fill`, built by streaming (never held whole). */
async function gzipOf(decoded: number, fill: string): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on("end", resolve));
  const piece = Buffer.alloc(1 << 20, fill);
  for (let sent = 0; sent < decoded; sent += piece.length) {
    if (!gzip.write(piece)) await new Promise((resolve) => gzip.once("drain", resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(out);
}

describe("size limits: a body or a record larger than its limit stops there, once", () => {
  it("a 64 MB JSON page: ResponseTooLargeError at maxResponseBytes (32 MiB), not retried", async () => {
    const chunk = Buffer.alloc(1 << 20, " ");
    const api = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"seats":[');
      let sent = 0;
      const next = () => {
        if (res.destroyed) return;
        if (sent++ >= 64) return void res.end("]}");
        if (res.write(chunk)) setImmediate(next);
        else res.once("drain", next);
      };
      next();
    });
    const error = await client(api)
      .billing.get({ org: "octo" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({
      option: "maxResponseBytes",
      limit: 32 * 1024 * 1024,
      status: 200,
    });
    expect(api.requests).toHaveLength(1);
  });

  it("a Content-Length over the limit fails before the body is read", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "2000" });
      res.end(`{"a":"${"x".repeat(1992)}"}`);
    });
    const error = await client(api, { maxResponseBytes: 1_000 })
      .billing.get({ org: "octo" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ResponseTooLargeError", limit: 1_000 });
  });

  it("a gzip bomb (a few hundred KB expanding to 256 MB) stops at the limit, counted decoded, once", async () => {
    const bomb = await gzipOf(256 * 1024 * 1024, " ");
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const api = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(bomb);
    });
    const before = process.memoryUsage().rss;
    const error = await client(api)
      .billing.get({ org: "octo" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(api.requests).toHaveLength(1);
    // Never materialised: far below the 256 MB the body would decode to.
    expect(process.memoryUsage().rss - before).toBeLessThan(160 * 1024 * 1024);
  });

  it("one 64 MB NDJSON line (gzip, a few hundred KB): ResponseTooLargeError at maxRecordBytes", async () => {
    const line = await gzipOf(64 * 1024 * 1024, "a");
    const files = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end(line);
    });
    const error = await firstRecord(
      client("https://api.github.com", { maxRecordBytes: 4 * 1024 * 1024 }),
      `${files.origin}/r.ndjson?${QUERY}`,
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ option: "maxRecordBytes", limit: 4 * 1024 * 1024 });
    expect(files.requests).toHaveLength(1);
    expectNoSecrets(error);
  });
});

/** A seat list of `rows` seats, `perPage` a page, whose answers the test shapes. */
function seatPages(
  rows: number,
  perPage: number,
  shape: { total?: number; next?: (page: number, origin: string) => string | undefined } = {},
) {
  return (origin: () => string) =>
    (req: { url?: string | undefined }, res: import("node:http").ServerResponse) => {
      const url = new URL(req.url ?? "/", origin());
      const page = Number(url.searchParams.get("page") ?? "1");
      const seats = Array.from(
        { length: Math.max(0, Math.min(perPage, rows - (page - 1) * perPage)) },
        (_, i) => ({
          created_at: "2026-01-01T00:00:00Z",
          assignee: null,
          n: (page - 1) * perPage + i,
        }),
      );
      const last = Math.ceil(rows / perPage);
      const next =
        shape.next?.(page, origin()) ??
        (page < last
          ? `${origin()}/orgs/octo/copilot/billing/seats?per_page=${perPage}&page=${page + 1}`
          : undefined);
      res.writeHead(200, {
        "content-type": "application/json",
        ...(next ? { link: `<${next}>; rel="next"` } : {}),
      });
      res.end(JSON.stringify({ total_seats: shape.total ?? rows, seats }));
    };
}

describe("pagination against a hostile API", () => {
  it("a GET answered 302 without Location is an error, never an empty listing", async () => {
    const api = await serve((_req, res) => res.writeHead(302).end());
    const error = await client(api)
      .seats.list({ org: "octo" })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopilotApiError);
    expect(error).toMatchObject({ status: 302 });
  });

  it("a total_seats lower than the rows never truncates: all 250 seats, the disagreement logged", async () => {
    let origin = "";
    const api = await serve(seatPages(250, 100, { total: 100 })(() => origin));
    origin = api.origin;
    const warn = vi.fn();
    const c = client(api, {
      validation: "off",
      logger: { debug() {}, info() {}, warn, error() {} },
    });
    const pages = [];
    for await (const page of c.seats.list({ org: "octo" }).pages()) pages.push(page);
    expect(pages.flatMap((p) => p.items)).toHaveLength(250);
    expect(pages.map((p) => p.total)).toEqual([100, 100, 100]);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/total of 100 but the listing has 250 rows/),
    );
  });

  it("a Link cycle 1 → 2 → 1 throws PaginationError without yielding page 1 twice", async () => {
    let origin = "";
    const api = await serve(
      seatPages(200, 100, {
        next: (page, o) =>
          `${o}/orgs/octo/copilot/billing/seats?per_page=100&page=${page === 1 ? 2 : 1}`,
      })(() => origin),
    );
    origin = api.origin;
    const seen: number[] = [];
    const error = await (async () => {
      for await (const page of client(api, { validation: "off" })
        .seats.list({ org: "octo" })
        .pages()) {
        seen.push(page.page);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(seen).toEqual([1, 2]);
    expect(api.requests).toHaveLength(2);
  });

  it("a 10 000-entry Link header (headers overflow) is a ProtocolError, sent once", async () => {
    const api = await serve((_req, res) => {
      const link = Array.from(
        { length: 10_000 },
        (_, i) => `<https://x.test/?page=${i}>; rel="p${i}"`,
      ).join(", ");
      res.writeHead(200, { "content-type": "application/json", link }).end('{"seats":[]}');
    });
    const error = await client(api)
      .seats.list({ org: "octo" })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe("UND_ERR_HEADERS_OVERFLOW");
    expect(api.requests).toHaveLength(1);
    expect((error as Error).message).not.toMatch(/GET GET/);
  });
});

describe("timer values from the server or the options are clamped", () => {
  for (const [label, headers] of [
    ["retry-after: 1e14", { "retry-after": "100000000000000" }],
    [
      "x-ratelimit-reset: 1e20",
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "100000000000000000000" },
    ],
  ] as const) {
    it(`${label} becomes a RateLimitError with a valid resetAt, not a RangeError`, async () => {
      const api = await serve((_req, res) => {
        res.writeHead(429, { "content-type": "application/json", ...headers });
        res.end('{"message":"API rate limit exceeded"}');
      });
      const error = await client(api)
        .billing.get({ org: "octo" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(Number.isFinite((error as RateLimitError).resetAt?.getTime())).toBe(true);
      expect(() => JSON.stringify(error)).not.toThrow();
      expect(api.requests).toHaveLength(1);
    });
  }

  it("maxRetryAfterMs: Infinity with a 35-day wait holds without spinning a 1 ms timer", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const api = await serve((_req, res) => {
        res.writeHead(429, { "retry-after": String(35 * 24 * 3600) }).end();
      });
      const controller = new AbortController();
      const pending = client(api, { retry: { maxRetryAfterMs: Number.POSITIVE_INFINITY } })
        .billing.get({ org: "octo" }, { signal: controller.signal })
        .catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      expect(await pending).toMatchObject({ name: "RequestAbortedError" });
      expect(api.requests).toHaveLength(1);
      expect(warnings.filter((w) => w === "TimeoutOverflowWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  for (const timeoutMs of [Number.POSITIVE_INFINITY, 2 ** 31]) {
    it(`timeoutMs: ${timeoutMs} does not fail every request`, async () => {
      const api = await serve((_req, res) => {
        setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end("{}"), 20);
      });
      await expect(
        client(api, { timeoutMs, validation: "off" }).billing.get({ org: "octo" }),
      ).resolves.toEqual({});
    });
  }
});

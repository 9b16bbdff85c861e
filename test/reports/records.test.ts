import { gzipSync } from "node:zlib";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PermissionDeniedError, ResponseValidationError } from "../../src/core/errors.js";
import { Pipeline } from "../../src/internal/http/pipeline.js";
import type { DayTotals, UserDayRecord } from "../../src/internal/reports/record-schemas.js";
import { type ReadRecordsOptions, readReportRecords } from "../../src/internal/reports/records.js";
import { API, chunked, collect, dayTotals, FILES, ndjson, SIGNED, userDay } from "./fixtures.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const received: { url: string; headers: Headers }[] = [];
afterEach(() => {
  received.length = 0;
});

/** Serves `body` at FILES/`name`, recording the request. */
function file(name: string, body: BodyInit | (() => BodyInit), init: ResponseInit = {}) {
  return http.get(`${FILES}/${name}`, ({ request }) => {
    received.push({ url: request.url, headers: request.headers });
    return new HttpResponse(typeof body === "function" ? body() : body, init);
  });
}

function options(
  extra: Partial<ReadRecordsOptions> & { fetch?: typeof fetch; maxRecordBytes?: number } = {},
): ReadRecordsOptions {
  const { fetch: fetchOption, maxRecordBytes, ...rest } = extra;
  return {
    pipeline: new Pipeline({
      fetch: fetchOption ?? ((...args) => globalThis.fetch(...args)),
      baseUrl: API,
      auth: "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
      retry: false,
      throttle: false,
      timeoutMs: 5_000,
      ...(maxRecordBytes === undefined ? {} : { maxRecordBytes }),
    }),
    validation: "strict",
    ...rest,
  };
}

const link = (name: string) => `${FILES}/${name}${SIGNED}`;
const encode = (text: string) => new TextEncoder().encode(text);

describe("readReportRecords: file shapes", () => {
  it("reads NDJSON user rows and types them", async () => {
    const rows = [userDay(1, "2026-05-07"), userDay(2, "2026-05-07")];
    server.use(file("users.ndjson", ndjson(rows)));
    const out = await collect(
      readReportRecords<UserDayRecord>(
        { download_links: [link("users.ndjson")] },
        options({ kind: "users-1-day" }),
      ),
    );
    expect(out).toEqual(rows);
    expect(out[1]?.user_login).toBe("user2");
  });

  it("reads a JSON array", async () => {
    const rows = [userDay(1, "2026-05-07"), userDay(2, "2026-05-08")];
    server.use(file("users.json", JSON.stringify(rows, null, 2)));
    const out = await collect(
      readReportRecords({ download_links: [link("users.json")] }, options({ kind: "users-1-day" })),
    );
    expect(out).toEqual(rows);
  });

  it("reads a pretty-printed { day_totals: [...] } wrapper as its day totals", async () => {
    const days = [dayTotals("2026-05-06"), dayTotals("2026-05-07")];
    const wrapper = {
      day_totals: days,
      organization_id: "999",
      report_start_day: "2026-04-10",
      report_end_day: "2026-05-07",
    };
    server.use(file("org-28.json", JSON.stringify(wrapper, null, 2)));
    const out = await collect(
      readReportRecords<DayTotals>(
        { download_links: [link("org-28.json")] },
        options({ kind: "organization-28-day" }),
      ),
    );
    expect(out).toEqual(days);
  });

  it("reads an array of wrappers (GitHub's enterprise example) and a one-line wrapper", async () => {
    const a = [dayTotals("2025-10-01", { enterprise_id: "1" })];
    const b = [dayTotals("2025-10-01", { enterprise_id: "2" })];
    server.use(
      file("arr.json", JSON.stringify([{ day_totals: a }, { day_totals: b }], null, 1)),
      file("line.json", `${JSON.stringify({ day_totals: [...a, ...b] })}\n`),
    );
    const opts = options({ kind: "enterprise-28-day" });
    expect(await collect(readReportRecords({ download_links: [link("arr.json")] }, opts))).toEqual([
      ...a,
      ...b,
    ]);
    expect(await collect(readReportRecords({ download_links: [link("line.json")] }, opts))).toEqual(
      [...a, ...b],
    );
  });

  it("reads a flat 1-day totals object, pretty-printed or on one line", async () => {
    const day = dayTotals("2026-05-07");
    server.use(
      file("pretty.json", JSON.stringify(day, null, 2)),
      file("flat.json", JSON.stringify(day)),
    );
    const opts = options({ kind: "organization-1-day" });
    for (const name of ["pretty.json", "flat.json"]) {
      expect(await collect(readReportRecords({ download_links: [link(name)] }, opts))).toEqual([
        day,
      ]);
    }
  });

  it("reads every file of a split report in order, and nothing for empty download_links", async () => {
    server.use(
      file("part-1.ndjson", ndjson([userDay(1, "2026-05-07"), userDay(2, "2026-05-07")])),
      file("part-2.ndjson", ndjson([userDay(2, "2026-05-07"), userDay(3, "2026-05-07")])),
    );
    const out = await collect(
      readReportRecords<UserDayRecord>(
        { download_links: [link("part-1.ndjson"), link("part-2.ndjson")] },
        options({ kind: "users-1-day" }),
      ),
    );
    expect(out.map((r) => r.user_id)).toEqual([1, 2, 2, 3]);
    const fetchSpy = vi.fn(globalThis.fetch);
    expect(
      await collect(readReportRecords({ download_links: [] }, options({ fetch: fetchSpy }))),
    ).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("gunzips a .gz file served as application/gzip", async () => {
    const rows = [userDay(1, "2026-05-07"), userDay(2, "2026-05-07")];
    server.use(
      file("users.ndjson.gz", () => gzipSync(ndjson(rows)), {
        headers: { "content-type": "application/gzip" },
      }),
    );
    const out = await collect(
      readReportRecords(
        { download_links: [link("users.ndjson.gz")] },
        options({ kind: "users-1-day" }),
      ),
    );
    expect(out).toEqual(rows);
  });
});

describe("readReportRecords: corrupt bodies", () => {
  it("reports a corrupt gzip file as ResponseValidationError in every mode", async () => {
    const gz = gzipSync(ndjson([userDay(1, "2026-05-07")]));
    const corrupt = Buffer.concat([gz.subarray(0, 12), Buffer.alloc(40, 0xff)]);
    server.use(file("bad.gz", () => corrupt));
    for (const validation of ["strict", "warn", "off"] as const) {
      const error = await collect(
        readReportRecords(
          { download_links: [link("bad.gz")] },
          options({ kind: "users-1-day", validation }),
        ),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as Error).message).toMatch(/^Report file 0 cannot be decoded/);
    }
  });
});

describe("readReportRecords: line handling", () => {
  it("handles CRLF, blank lines, a BOM and a missing final newline", async () => {
    const [a, b] = [userDay(1, "2026-05-07"), userDay(2, "2026-05-07")];
    const body = `\ufeff${JSON.stringify(a)}\r\n\r\n   \r\n${JSON.stringify(b)}`;
    server.use(file("crlf.ndjson", body));
    const out = await collect(
      readReportRecords(
        { download_links: [link("crlf.ndjson")] },
        options({ kind: "users-1-day" }),
      ),
    );
    expect(out).toEqual([a, b]);
  });

  it("keeps multi-byte UTF-8 characters split across chunks whole", async () => {
    const rows = [
      userDay(1, "2026-05-07", { user_login: "zoë-😀-東京" }),
      userDay(2, "2026-05-07", { user_login: "ñandú" }),
    ];
    const bytes = encode(ndjson(rows));
    server.use(file("utf8.ndjson", () => chunked(bytes, [1, 2, 3, 5])));
    const out = await collect(
      readReportRecords<UserDayRecord>(
        { download_links: [link("utf8.ndjson")] },
        options({ kind: "users-1-day" }),
      ),
    );
    expect(out.map((r) => r.user_login)).toEqual(["zoë-😀-東京", "ñandú"]);
  });

  it("reads a line longer than 10 MB delivered in 64 KB chunks", async () => {
    const padding = "x".repeat(10.5 * 1024 * 1024);
    const rows = [userDay(1, "2026-05-07"), userDay(2, "2026-05-07", { padding } as never)];
    const bytes = encode(ndjson(rows));
    server.use(file("long.ndjson", () => chunked(bytes, [65_536])));
    const out = await collect(
      readReportRecords<UserDayRecord & { padding?: string }>(
        { download_links: [link("long.ndjson")] },
        options({ kind: "users-1-day" }),
      ),
    );
    expect(out).toHaveLength(2);
    expect(out[1]?.padding?.length).toBe(padding.length);
  });
});

describe("readReportRecords: validation", () => {
  const rows = [userDay(1, "2026-05-07"), userDay(3, "2026-05-07")];
  const body = `${JSON.stringify(rows[0])}\n{"user_id": 2, "day": "2026-05-0\n${JSON.stringify({ ...userDay(4, "2026-05-07"), user_id: "4" })}\n${JSON.stringify(rows[1])}\n`;

  it("strict: a corrupt line throws ResponseValidationError naming the file and line", async () => {
    server.use(file("ok.ndjson", ndjson([userDay(9, "2026-05-07")])), file("bad.ndjson", body));
    const iterator = readReportRecords(
      { download_links: [link("ok.ndjson"), link("bad.ndjson")] },
      options({ kind: "users-1-day" }),
    );
    const seen: unknown[] = [];
    const error = await (async () => {
      try {
        for await (const record of iterator) seen.push(record);
      } catch (e) {
        return e;
      }
    })();
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).message).toContain("file 1 line 2");
    expect((error as ResponseValidationError).issues[0]?.code).toBe("invalid_json");
  });

  it("strict: a record of the wrong type throws with the field path", async () => {
    server.use(file("type.ndjson", ndjson([{ ...userDay(4, "2026-05-07"), user_id: "4" }])));
    const error = await collect(
      readReportRecords(
        { download_links: [link("type.ndjson")] },
        options({ kind: "users-1-day" }),
      ),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).path).toBe("user_id");
    expect((error as ResponseValidationError).message).toContain("file 0 line 1");
  });

  it("warn: text that is not JSON is skipped, invalid records are yielded unchanged, both reported", async () => {
    server.use(file("bad.ndjson", body));
    const onInvalid = vi.fn();
    const out = await collect(
      readReportRecords(
        { download_links: [link("bad.ndjson")] },
        options({ kind: "users-1-day", validation: "warn", onInvalid }),
      ),
    );
    // warn never drops data: the record with a string user_id is still there, as sent.
    expect(out).toEqual([rows[0], { ...userDay(4, "2026-05-07"), user_id: "4" }, rows[1]]);
    expect(onInvalid.mock.calls.map(([info]) => [info.file, info.line])).toEqual([
      [0, 2],
      [0, 3],
    ]);
    expect(onInvalid.mock.calls[1]?.[0].issues[0].path).toEqual(["user_id"]);
  });

  it("off: records are yielded unvalidated, text that is not JSON is skipped", async () => {
    server.use(file("bad.ndjson", body));
    const onInvalid = vi.fn();
    const out = await collect(
      readReportRecords(
        { download_links: [link("bad.ndjson")] },
        options({ kind: "users-1-day", validation: "off", onInvalid }),
      ),
    );
    expect(out).toHaveLength(3);
    expect(onInvalid).toHaveBeenCalledTimes(1);
  });
});

describe("readReportRecords: links and credentials", () => {
  it("sends no Authorization to the download origin, but does to the API origin", async () => {
    let apiAuth: string | null = null;
    server.use(
      file("users.ndjson", ndjson([userDay(1, "2026-05-07")])),
      http.get(`${API}/report-files/users.ndjson`, ({ request }) => {
        apiAuth = request.headers.get("authorization");
        return new HttpResponse(ndjson([userDay(2, "2026-05-07")]));
      }),
    );
    const out = await collect(
      readReportRecords(
        { download_links: [link("users.ndjson"), `${API}/report-files/users.ndjson`] },
        options({ kind: "users-1-day" }),
      ),
    );
    expect(out).toHaveLength(2);
    expect(received[0]?.headers.get("authorization")).toBeNull();
    expect(apiAuth).toMatch(/^Bearer /);
  });

  it("requests fresh links once when the download host answers 403 (expired link)", async () => {
    server.use(
      file("old.ndjson", '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>', {
        status: 403,
      }),
      file("new.ndjson", ndjson([userDay(1, "2026-05-07")])),
    );
    const refreshLinks = vi.fn(async () => ({ download_links: [link("new.ndjson")] }));
    const out = await collect(
      readReportRecords(
        { download_links: [link("old.ndjson")] },
        options({ kind: "users-1-day", refreshLinks }),
      ),
    );
    expect(out).toHaveLength(1);
    expect(refreshLinks).toHaveBeenCalledTimes(1);
  });

  it("gives up after one refresh and redacts the signed query from the error", async () => {
    server.use(file("old.ndjson", "expired", { status: 403 }));
    const refreshLinks = vi.fn(async () => ({ download_links: [link("old.ndjson")] }));
    const error = await collect(
      readReportRecords(
        { download_links: [link("old.ndjson")] },
        options({ kind: "users-1-day", refreshLinks }),
      ),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(refreshLinks).toHaveBeenCalledTimes(1);
    const rendered = `${String(error)} ${JSON.stringify(error)} ${(error as PermissionDeniedError).url}`;
    expect(rendered).not.toContain("deadbeef");
    expect(rendered).not.toContain("X-Amz-Signature");
    expect((error as PermissionDeniedError).hint).toMatch(/expire/);
  });
});

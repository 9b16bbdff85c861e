import { describe, expect, it, vi } from "vitest";
import { CopilotClient } from "../../src/client.js";
import { PaginationError } from "../../src/core/errors.js";
import {
  type FetchedPage,
  PageIterator as Paginator,
  type PageIteratorInit as PaginatorInit,
} from "../../src/internal/operations/paginate.js";

const ORIGIN = "https://api.github.com";
const PATH = "/orgs/octo/copilot/billing/seats";

/** A fake API of `total` numbered seats, `perPage` a page, with GitHub-style Link headers. */
function fakeApi(
  total: number,
  perPage: number,
  options: { origin?: string; prefix?: string; omitLast?: boolean } = {},
) {
  const origin = options.origin ?? ORIGIN;
  const base = `${origin}${options.prefix ?? ""}${PATH}`;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const fetched: number[] = [];
  const fetchPage = vi.fn(async (url: string, _signal?: AbortSignal): Promise<FetchedPage> => {
    const page = Number(new URL(url).searchParams.get("page") ?? "1");
    fetched.push(page);
    const start = (page - 1) * perPage;
    const seats = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => ({
      id: start + i,
    }));
    const links: string[] = [];
    const at = (p: number) => `<${base}?per_page=${perPage}&page=${p}>`;
    if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`);
    if (page < lastPage && !options.omitLast) links.push(`${at(lastPage)}; rel="last"`);
    if (page > 1) links.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`);
    // Later pages answer faster, so a parallel fetch completes out of order.
    await new Promise((r) => setTimeout(r, Math.max(0, 20 - page * 3)));
    return {
      body: { total_seats: total, seats },
      headers: new Headers(links.length ? { link: links.join(", ") } : {}),
      url,
    };
  });
  const init = (extra: Partial<PaginatorInit> = {}): PaginatorInit => ({
    firstUrl: `${base}?per_page=${perPage}`,
    pagination: { items: "seats", total: "total_seats" },
    fetchPage,
    origin: ORIGIN,
    prefix: options.prefix ?? "",
    ...extra,
  });
  return { fetchPage, fetched, init };
}

describe("Paginator", () => {
  it("sends nothing until iterated", () => {
    const api = fakeApi(10, 100);
    new Paginator(api.init());
    expect(api.fetchPage).not.toHaveBeenCalled();
  });

  it("yields nothing for 0 items, with one request", async () => {
    const api = fakeApi(0, 100);
    expect(await new Paginator(api.init()).toArray()).toEqual([]);
    expect(api.fetchPage).toHaveBeenCalledTimes(1);
  });

  it("reads exactly one page when there is no next link", async () => {
    const api = fakeApi(100, 100);
    const pages = [];
    for await (const page of new Paginator(api.init()).pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ page: 1, total: 100 });
    expect(pages[0]?.items).toHaveLength(100);
  });

  it("reads 250 items over 3 pages in order", async () => {
    const api = fakeApi(250, 100);
    const items = await new Paginator<{ id: number }>(api.init()).toArray();
    expect(items.map((s) => s.id)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(api.fetched).toEqual([1, 2, 3]);
  });

  it("follows next without rel=last", async () => {
    const api = fakeApi(250, 100, { omitLast: true });
    expect(await new Paginator(api.init({ concurrency: 4 })).toArray()).toHaveLength(250);
    expect(api.fetched).toEqual([1, 2, 3]);
  });

  it("fetches pages 2..last in parallel and still yields in page order", async () => {
    const api = fakeApi(1_000, 100);
    let active = 0;
    let peak = 0;
    const inner = api.fetchPage.getMockImplementation()!;
    api.fetchPage.mockImplementation(async (url: string, signal?: AbortSignal) => {
      active++;
      peak = Math.max(peak, active);
      try {
        return await inner(url, signal);
      } finally {
        active--;
      }
    });
    const items = await new Paginator<{ id: number }>(api.init({ concurrency: 4 })).toArray();
    expect(items.map((s) => s.id)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
    expect(peak).toBe(4);
    expect([...api.fetched].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("refuses a next link on another origin", async () => {
    const api = fakeApi(250, 100, { origin: "https://evil.example" });
    const paginator = new Paginator(api.init({ firstUrl: `${ORIGIN}${PATH}?per_page=100` }));
    await expect(paginator.toArray()).rejects.toThrow(PaginationError);
    await expect(paginator.toArray()).rejects.toThrow(/leaves https:\/\/api\.github\.com/);
    expect(api.fetched.filter((p) => p > 1)).toEqual([]);
  });

  it("refuses a next link outside the base URL's path prefix, accepts one inside it", async () => {
    const ghe = "https://api.octo.ghe.com";
    const inside = fakeApi(250, 100, { origin: ghe, prefix: "/api/v3" });
    expect(await new Paginator(inside.init({ origin: ghe })).toArray()).toHaveLength(250);
    const outside = fakeApi(250, 100, { origin: ghe, prefix: "/other" });
    await expect(
      new Paginator(
        outside.init({ origin: ghe, prefix: "/api/v3", firstUrl: `${ghe}/api/v3${PATH}` }),
      ).toArray(),
    ).rejects.toThrow(/leaves/);
  });

  it("accepts GitHub's /organizations/{id}/ form of next links on the same origin", async () => {
    const fetchPage = vi.fn(async (url: string): Promise<FetchedPage> => {
      const page = Number(new URL(url).searchParams.get("page") ?? "1");
      const link =
        page === 1 ? `<${ORIGIN}/organizations/42/copilot/billing/seats?page=2>; rel="next"` : "";
      return { body: { seats: [{ page }] }, headers: new Headers(link ? { link } : {}), url };
    });
    const items = await new Paginator({
      firstUrl: `${ORIGIN}${PATH}`,
      pagination: { items: "seats" },
      fetchPage,
      origin: ORIGIN,
      prefix: "",
    }).toArray();
    expect(items).toEqual([{ page: 1 }, { page: 2 }]);
  });

  it("throws PaginationError on a Link cycle (1 → 2 → 1) before yielding a page twice", async () => {
    const fetchPage = vi.fn(async (url: string): Promise<FetchedPage> => {
      const page = Number(new URL(url).searchParams.get("page") ?? "1");
      const next = page === 1 ? 2 : 1;
      return {
        body: { seats: [{ page }] },
        headers: new Headers({ link: `<${ORIGIN}${PATH}?per_page=1&page=${next}>; rel="next"` }),
        url,
      };
    });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const page of new Paginator({
        firstUrl: `${ORIGIN}${PATH}?per_page=1`,
        pagination: { items: "seats" },
        fetchPage,
        origin: ORIGIN,
        prefix: "",
      }).pages())
        seen.push(page.page);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).reason).toBe("repeated-link");
    expect(seen).toEqual([1, 2]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it("never stops on the total: a total lower than the rows is reported, every page read", async () => {
    const warn = vi.fn();
    const fetchPage = vi.fn(async (url: string): Promise<FetchedPage> => {
      const page = Number(new URL(url).searchParams.get("page") ?? "1");
      const link = page < 6 ? `<${ORIGIN}${PATH}?page=${page + 1}>; rel="next"` : "";
      return {
        body: { total_seats: 3, seats: [{ page }] },
        headers: new Headers(link ? { link } : {}),
        url,
      };
    });
    const pages = [];
    for await (const page of new Paginator({
      firstUrl: `${ORIGIN}${PATH}`,
      pagination: { items: "seats", total: "total_seats" },
      fetchPage,
      origin: ORIGIN,
      prefix: "",
      warn,
    }).pages())
      pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(pages.every((p) => p.total === 3)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/total of 3 but the listing has 6 rows/),
    );
  });

  it("reads top-level array pages (legacy metrics)", async () => {
    const fetchPage = vi.fn(
      async (url: string): Promise<FetchedPage> => ({
        body: [{ date: "2026-01-01" }, { date: "2026-01-02" }],
        headers: new Headers(),
        url,
      }),
    );
    const items = await new Paginator({
      firstUrl: `${ORIGIN}/orgs/o/copilot/metrics`,
      pagination: { items: "$" },
      fetchPage,
      origin: ORIGIN,
      prefix: "",
    }).toArray();
    expect(items).toHaveLength(2);
  });

  it("stops fetching when the consumer breaks out early", async () => {
    const api = fakeApi(1_000, 100);
    for await (const seat of new Paginator<{ id: number }>(api.init())) {
      if (seat.id === 150) break;
    }
    expect(api.fetched).toEqual([1, 2]);
  });
});

describe("Paginator with a total that does not count rows (enterprise seats)", () => {
  it("reads every page even when rows outnumber the total", async () => {
    const api = fakeApi(450, 100);
    const inner = api.fetchPage.getMockImplementation()!;
    // The total says 200 (users counted once) while 450 rows are listed.
    api.fetchPage.mockImplementation(async (url: string, signal?: AbortSignal) => {
      const page = await inner(url, signal);
      return { ...page, body: { ...(page.body as object), total_seats: 200 } };
    });
    const warn = vi.fn();
    expect(await new Paginator(api.init({ totalCountsItems: false, warn })).toArray()).toHaveLength(
      450,
    );
    expect(warn).not.toHaveBeenCalled();
    api.fetched.length = 0;
    expect(await new Paginator(api.init({ warn })).toArray()).toHaveLength(450);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("Paginator with { concurrency } (bounded parallel pages)", () => {
  it("never has more than `concurrency` pages fetched ahead of the consumer", async () => {
    const api = fakeApi(2_000, 100);
    const concurrency = 3;
    const ahead: number[] = [];
    for await (const page of new Paginator(api.init({ concurrency })).pages()) {
      // Pages requested but not yet handed to the consumer (in flight or buffered).
      ahead.push(api.fetched.length - page.page);
      await new Promise((r) => setTimeout(r, 2)); // a consumer slower than the API
    }
    expect(ahead).toHaveLength(20);
    expect(Math.max(...ahead)).toBeLessThanOrEqual(concurrency);
    expect(Math.max(...ahead.slice(1, -concurrency))).toBe(concurrency);
  });

  it("aborts the pages in flight when the consumer stops early", async () => {
    const api = fakeApi(1_000, 100);
    const signals: AbortSignal[] = [];
    const inner = api.fetchPage.getMockImplementation()!;
    api.fetchPage.mockImplementation(async (url: string, signal?: AbortSignal) => {
      if (signal) signals.push(signal);
      return inner(url, signal);
    });
    for await (const seat of new Paginator<{ id: number }>(api.init({ concurrency: 4 }))) {
      if (seat.id === 150) break;
    }
    expect(api.fetched.length).toBeLessThanOrEqual(6);
    expect(signals.length).toBe(api.fetched.length);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("throws the first failed page in page order and aborts the others", async () => {
    const api = fakeApi(1_000, 100);
    const signals: AbortSignal[] = [];
    const inner = api.fetchPage.getMockImplementation()!;
    api.fetchPage.mockImplementation(async (url: string, signal?: AbortSignal) => {
      if (signal) signals.push(signal);
      if (new URL(url).searchParams.get("page") === "4") throw new Error("page 4 failed");
      return inner(url, signal);
    });
    const seen: number[] = [];
    await expect(async () => {
      for await (const page of new Paginator(api.init({ concurrency: 4 })).pages())
        seen.push(page.page);
    }).rejects.toThrow("page 4 failed");
    expect(seen).toEqual([1, 2, 3]);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("after pages 2..last, follows the last page's next when the list grew meanwhile", async () => {
    const fetched: number[] = [];
    const fetchPage = vi.fn(async (url: string): Promise<FetchedPage> => {
      const page = Number(new URL(url).searchParams.get("page") ?? "1");
      fetched.push(page);
      const next = page < 5 ? `<${ORIGIN}${PATH}?page=${page + 1}>; rel="next", ` : "";
      const link = `${next}<${ORIGIN}${PATH}?page=3>; rel="last"`;
      return { body: { seats: [{ page }] }, headers: new Headers({ link }), url };
    });
    const items = await new Paginator<{ page: number }>({
      firstUrl: `${ORIGIN}${PATH}`,
      pagination: { items: "seats" },
      fetchPage,
      origin: ORIGIN,
      prefix: "",
      concurrency: 4,
    }).toArray();
    expect(items.map((i) => i.page)).toEqual([1, 2, 3, 4, 5]);
    expect(fetched.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("CopilotClient seats.list with { concurrency }", () => {
  it("is still held to the client's read throttle (4 concurrent reads) when asking for 8", async () => {
    let active = 0;
    let peak = 0;
    const pages: number[] = [];
    const fetch = vi.fn(async (input: string | URL | Request): Promise<Response> => {
      const url = new URL(String(input));
      const page = Number(url.searchParams.get("page") ?? "1");
      pages.push(page);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      const at = (p: number) => `<${ORIGIN}${PATH}?per_page=10&page=${p}>`;
      const link = page < 12 ? `${at(page + 1)}; rel="next", ${at(12)}; rel="last"` : "";
      const seats = Array.from({ length: 10 }, (_, i) => ({
        created_at: "2026-01-01T00:00:00Z",
        assignee: null,
        last_activity_editor: `editor-${(page - 1) * 10 + i}`,
      }));
      return new Response(JSON.stringify({ total_seats: 120, seats }), {
        headers: { "content-type": "application/json", ...(link ? { link } : {}) },
      });
    });
    const client = new CopilotClient({ auth: "t", fetch, retry: false });
    const seats = await client.seats
      .list({ org: "octo", per_page: 10 }, { concurrency: 8 })
      .toArray();
    expect(seats.map((s) => s.last_activity_editor)).toEqual(
      Array.from({ length: 120 }, (_, i) => `editor-${i}`),
    );
    expect(peak).toBe(4);
    expect([...pages].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});

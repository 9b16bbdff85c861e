/**
 * The implementation of the public `Paginator`: pages of a list operation, following GitHub's
 * `Link` header. Stops only on a missing `next`; a total that disagrees with the rows is
 * reported, never used to stop; a `next` that repeats a page already read, leaves the
 * configured origin or does not parse throws `PaginationError` before anything is yielded
 * twice. Optional parallel fetch of pages 2..last once `rel="last"` is known, items still
 * yielded in page order, then `next` links followed from the last page if it has one.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */
import { PaginationError } from "../../core/errors.js";
import type { PaginationMeta } from "../../core/operation.js";
import type { Page, Paginator } from "../../core/paginator.js";
import { parseLinkHeader } from "../http/link-header.js";
import { pageNumberLinks } from "./page-number.js";

/** A fetched page body with its headers. */
export interface FetchedPage {
  body: unknown;
  headers: Headers;
  url: string;
}

/** Everything a page iterator needs; built by the operation runner. */
export interface PageIteratorInit {
  /** URL of the first page, with query (incl. `per_page`). */
  firstUrl: string;
  /** Where the items (and the total) are in a page body. */
  pagination: PaginationMeta;
  /** Fetches and validates one page through the pipeline. */
  fetchPage: (url: string, signal: AbortSignal | undefined) => Promise<FetchedPage>;
  /** Configured API origin and path prefix: `next` links elsewhere are refused. */
  origin: string;
  prefix: string;
  /** Pages fetched in parallel once `rel="last"` is known. Default 1 (serial). */
  concurrency?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Whether the API's total counts the rows (the enterprise seat list's counts users). Default `true`. */
  totalCountsItems?: boolean | undefined;
  /** Receives one line when the rows read disagree with the total the API reported. */
  warn?: (message: string) => void;
}

function pageNumber(url: string): number {
  const page = Number(new URL(url).searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The identity of a page URL: its query sorted, `page` 1 when absent. */
function pageKey(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("page")) parsed.searchParams.set("page", "1");
  parsed.searchParams.sort();
  return parsed.toString();
}

interface ReadPage<T> {
  page: Page<T>;
  links: Record<string, string>;
}

/** A list operation's items, lazily fetched page by page. */
export class PageIterator<T> implements Paginator<T> {
  readonly #init: PageIteratorInit;

  constructor(init: PageIteratorInit) {
    this.#init = init;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages()) {
      for (const item of page.items) all.push(item);
    }
    return all;
  }

  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const init = this.#init;
    const stop = new AbortController();
    const signal = init.signal ? AbortSignal.any([init.signal, stop.signal]) : stop.signal;
    const seen = new Set<string>([pageKey(this.#checked(init.firstUrl))]);
    let rows = 0;
    let last: ReadPage<T> | undefined;
    try {
      last = this.#toPage(await init.fetchPage(init.firstUrl, signal));
      rows += last.page.items.length;
      yield last.page;
      const concurrency = Math.max(1, Math.floor(init.concurrency ?? 1));
      if (concurrency > 1 && last.links.last && last.links.next) {
        const lastUrl = this.#checked(last.links.last);
        for await (const read of this.#parallel(lastUrl, concurrency, signal, seen)) {
          rows += read.page.items.length;
          last = read;
          yield read.page;
        }
      }
      for (let next = last.links.next; next !== undefined; next = last.links.next) {
        const url = this.#checked(next);
        const key = pageKey(url);
        if (seen.has(key)) {
          throw new PaginationError({
            url,
            reason: "repeated-link",
            apiOrigin: init.origin,
            message: `pagination stopped: the Link header's next points back to page ${pageNumber(url)}, already read (a cycle)`,
            hint: "The API (or a proxy) sent a Link header that loops; the pages read so far were yielded once each.",
          });
        }
        seen.add(key);
        last = this.#toPage(await init.fetchPage(url, signal));
        rows += last.page.items.length;
        yield last.page;
      }
      const total = last.page.total;
      if (total !== undefined && init.totalCountsItems !== false && total !== rows) {
        init.warn?.(
          `the API reported a total of ${total} but the listing has ${rows} rows; every row was read (page.total keeps the value as sent)`,
        );
      }
    } finally {
      stop.abort();
    }
  }

  async *#parallel(
    lastUrl: string,
    concurrency: number,
    signal: AbortSignal,
    seen: Set<string>,
  ): AsyncGenerator<ReadPage<T>> {
    const template = new URL(lastUrl);
    const lastPage = pageNumber(lastUrl);
    const urlOf = (page: number) => {
      template.searchParams.set("page", String(page));
      return template.toString();
    };
    const inFlight: Promise<ReadPage<T>>[] = [];
    let nextPage = 2;
    const launch = () => {
      const url = urlOf(nextPage++);
      seen.add(pageKey(url));
      const promise = this.#init.fetchPage(url, signal).then((fetched) => this.#toPage(fetched));
      promise.catch(() => {}); // observed when awaited; avoids an unhandled rejection if iteration stops early
      inFlight.push(promise);
    };
    while (nextPage <= lastPage && inFlight.length < concurrency) launch();
    while (inFlight.length > 0) {
      const read = await inFlight.shift()!;
      if (nextPage <= lastPage) launch();
      yield read;
    }
  }

  #checked(link: string): string {
    const { origin, prefix } = this.#init;
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new PaginationError({
        url: link,
        reason: "malformed-link",
        apiOrigin: origin,
        message: `refused a malformed pagination link: ${JSON.stringify(link.slice(0, 200))}`,
      });
    }
    if (
      url.origin !== origin ||
      !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
    ) {
      throw new PaginationError({
        url: url.href,
        reason: "foreign-link",
        apiOrigin: origin,
        message: `refused a pagination link that leaves ${origin}${prefix}: ${url.origin}${url.pathname}`,
        hint: "The Link header of the response points outside the configured baseUrl; check proxies in between.",
      });
    }
    url.hash = "";
    return url.toString();
  }

  #toPage(fetched: FetchedPage): ReadPage<T> {
    const { items: itemsKey, total: totalKey, next: nextKey } = this.#init.pagination;
    const body = fetched.body as Record<string, unknown> | unknown[] | null;
    const items = itemsKey === "$" ? body : (body as Record<string, unknown> | null)?.[itemsKey];
    const total = totalKey ? (body as Record<string, unknown> | null)?.[totalKey] : undefined;
    const list = Array.isArray(items) ? (items as T[]) : [];
    return {
      page: {
        items: list,
        page: pageNumber(fetched.url),
        total: typeof total === "number" ? total : undefined,
        url: fetched.url,
      },
      // Budgets page by number and say `has_next_page` in the body instead of a `Link` header.
      links: nextKey
        ? pageNumberLinks(fetched.url, body, nextKey, list.length)
        : parseLinkHeader(fetched.headers.get("link")),
    };
  }
}

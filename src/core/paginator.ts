/**
 * The Paginator: an async iterable over every item of a list operation, page
 * after page, following GitHub's `Link` header (or, for operations whose
 * `x-pagination` names a `next` field such as `has_next_page`, the page number). Returned synchronously; sends
 * nothing until iterated. Optional parallel fetch of pages 2..last once
 * `rel="last"` is known, items still yielded in page order.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */

import { parseLinkHeader } from "../internal/http/link-header.js";
import { pageNumberLinks } from "../internal/operations/page-number.js";
import { CopilotError } from "./errors.js";
import type { PaginationMeta } from "./operation.js";

/** One page of a list. */
export interface Page<T> {
  /** The items of this page, in the API's order. */
  items: T[];
  /** 1-based page number (the `page` query parameter of its URL). */
  page: number;
  /** The total the API reports (`total_seats` for seats), when it gives one. */
  total: number | undefined;
  /** The URL the page was read from. */
  url: string;
}

/** A fetched page body with its headers. */
export interface FetchedPage {
  body: unknown;
  headers: Headers;
  url: string;
}

/** Everything a Paginator needs; built by the client. */
export interface PaginatorInit {
  /** URL of the first page, with query (incl. `per_page`). */
  firstUrl: string;
  /** Where the items are in a page body. */
  pagination: PaginationMeta;
  /** `per_page` asked for. */
  perPage: number;
  /** Fetches and validates one page (retry, throttle and validation included). */
  fetchPage: (url: string, signal: AbortSignal | undefined) => Promise<FetchedPage>;
  /** Configured API origin and path prefix: `next` links elsewhere are refused. */
  origin: string;
  prefix: string;
  /** Pages fetched in parallel once `rel="last"` is known. Default 1 (serial). */
  concurrency?: number | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Whether the API's total counts the items of the list (the page cap relies on it). `false`
   * for the enterprise seat list, whose `total_seats` counts a user once however many rows they have.
   * Default `true`.
   */
  totalCountsItems?: boolean | undefined;
  /** Called when pagination stops early on a repeated URL or the page cap. */
  warn?: (message: string) => void;
}

function pageNumber(url: string): number {
  const page = Number(new URL(url).searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** A list operation's items, lazily fetched page by page. */
export class Paginator<T> implements AsyncIterable<T> {
  readonly #init: PaginatorInit;

  constructor(init: PaginatorInit) {
    this.#init = init;
  }

  /** Every item of every page, in order. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Reads every page and returns all items in order. */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages()) {
      for (const item of page.items) all.push(item);
    }
    return all;
  }

  /**
   * The pages, in order. Stops on a missing `next`, a repeated URL, or after
   * `ceil(total / per_page) + 1` pages when the API gives a total that counts the items.
   *
   * @throws {CopilotError} when a `Link` URL leaves the configured origin or path prefix.
   */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const init = this.#init;
    const stop = new AbortController();
    const signal = init.signal ? AbortSignal.any([init.signal, stop.signal]) : stop.signal;
    try {
      const first = this.#toPage(await init.fetchPage(init.firstUrl, signal));
      yield first.page;
      const seen = new Set([init.firstUrl]);
      const perPage = Math.max(1, Math.min(init.perPage, first.page.items.length || init.perPage));
      const capped = first.page.total !== undefined && init.totalCountsItems !== false;
      const maxPages = capped
        ? Math.ceil((first.page.total ?? 0) / perPage) + 1
        : Number.POSITIVE_INFINITY;
      const concurrency = Math.max(1, Math.floor(init.concurrency ?? 1));
      if (concurrency > 1 && first.links.last && first.links.next) {
        yield* this.#parallel(
          first.links.last,
          Math.min(pageNumber(this.#checked(first.links.last)), maxPages),
          concurrency,
          signal,
        );
        return;
      }
      let next = first.links.next;
      for (let count = 1; next; count++) {
        const url = this.#checked(next);
        if (seen.has(url) || count >= maxPages) {
          init.warn?.(
            seen.has(url)
              ? `pagination stopped: the API repeated the page URL ${new URL(url).pathname}?page=${pageNumber(url)}`
              : `pagination stopped after ${count} pages: more than total/per_page + 1`,
          );
          return;
        }
        seen.add(url);
        const current = this.#toPage(await init.fetchPage(url, signal));
        yield current.page;
        next = current.links.next;
      }
    } finally {
      stop.abort();
    }
  }

  async *#parallel(
    lastUrl: string,
    lastPage: number,
    concurrency: number,
    signal: AbortSignal,
  ): AsyncGenerator<Page<T>> {
    const template = new URL(this.#checked(lastUrl));
    const urlOf = (page: number) => {
      template.searchParams.set("page", String(page));
      return template.toString();
    };
    const inFlight: Promise<Page<T>>[] = [];
    let nextPage = 2;
    const launch = () => {
      const promise = this.#init
        .fetchPage(urlOf(nextPage++), signal)
        .then((fetched) => this.#toPage(fetched).page);
      promise.catch(() => {}); // observed when awaited; avoids an unhandled rejection if iteration stops early
      inFlight.push(promise);
    };
    while (nextPage <= lastPage && inFlight.length < concurrency) launch();
    while (inFlight.length > 0) {
      const page = await inFlight.shift()!;
      if (nextPage <= lastPage) launch();
      yield page;
    }
  }

  #checked(link: string): string {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new CopilotError(
        `refused a malformed pagination link: ${JSON.stringify(link.slice(0, 200))}`,
      );
    }
    const { origin, prefix } = this.#init;
    if (
      url.origin !== origin ||
      !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
    ) {
      throw new CopilotError(
        `refused a pagination link that leaves ${origin}${prefix}: ${url.origin}${url.pathname}`,
        {
          hint: "The Link header of the response points outside the configured baseUrl; check proxies in between.",
        },
      );
    }
    url.hash = "";
    return url.toString();
  }

  #toPage(fetched: FetchedPage): { page: Page<T>; links: Record<string, string> } {
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
      links: nextKey
        ? pageNumberLinks(fetched.url, body, nextKey, list.length)
        : parseLinkHeader(fetched.headers.get("link")),
    };
  }
}

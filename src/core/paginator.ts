/**
 * The Paginator: what every list method returns. An async iterable over every item of a list
 * operation, page after page, following GitHub's `Link` header. Returned synchronously; sends
 * nothing until iterated.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */

/** One page of a list. */
export interface Page<T> {
  /** The items of this page, in the API's order. */
  items: T[];
  /** 1-based page number (the `page` query parameter of its URL). */
  page: number;
  /**
   * The total the API reports on this page (`total_seats` for seats), as sent, when it gives
   * one. Never used to stop a listing: a total that disagrees with the rows is only reported.
   */
  total: number | undefined;
  /** The URL the page was read from. */
  url: string;
}

/**
 * A list operation's items, fetched page by page when iterated.
 *
 * ```ts
 * for await (const seat of client.seats.list({ org })) { ... }             // every item
 * for await (const page of client.seats.list({ org }).pages()) page.items; // page objects
 * const all = await client.seats.list({ org }).toArray();
 * client.seats.list({ org }, { concurrency: 4 });                          // parallel pages
 * ```
 *
 * It stops only on a missing `rel="next"`; it throws `PaginationError` for a `next` link that
 * is malformed, leaves the configured `baseUrl`, or repeats a page already read (before
 * yielding anything twice). With `concurrency` above 1 and a `rel="last"` link, pages
 * 2..last are fetched in parallel and still yielded in order.
 */
export interface Paginator<T> extends AsyncIterable<T> {
  /**
   * The pages, in order.
   *
   * @throws {PaginationError} for a refused `Link`; the HTTP and validation errors of the operation.
   */
  pages(): AsyncGenerator<Page<T>, void, undefined>;
  /** Reads every page and resolves to all items in order. @throws as {@link Paginator.pages}. */
  toArray(): Promise<T[]>;
}

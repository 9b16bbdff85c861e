/**
 * Page-number pagination: GitHub's billing budgets answer without a `Link` header
 * and say in the body whether another page follows (`has_next_page`). The
 * operation's `x-pagination.next` names that field; this module turns it into the
 * same `{ next }` the Paginator reads from a `Link` header, so one Paginator
 * serves both styles.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/budgets#get-all-budgets
 */

/**
 * The `next` link of a page-number page: the same URL with `page` one higher, when
 * `body[nextKey]` is `true` and the page held items (an empty page that claims a
 * successor would otherwise be followed forever). Empty otherwise.
 */
export function pageNumberLinks(
  url: string,
  body: unknown,
  nextKey: string,
  itemCount: number,
): Record<string, string> {
  const more = (body as Record<string, unknown> | null)?.[nextKey] === true;
  if (!more || itemCount === 0) return {};
  const next = new URL(url);
  const page = Number(next.searchParams.get("page") ?? "1");
  next.searchParams.set("page", String((Number.isInteger(page) && page > 0 ? page : 1) + 1));
  return { next: next.toString() };
}

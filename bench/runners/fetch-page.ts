/**
 * One seat page with `globalThis.fetch` (which undoes gzip itself) and `response.json()`:
 * what a hand-written `fetch` loop costs, the floor of anything that sends through `fetch`.
 */
import { BARE_HEADERS } from "./headers.js";
import type { SeatPage } from "./listing.js";

/** GETs one page. @throws Error on a non-200 answer. */
export async function getPageByFetch(url: string): Promise<SeatPage> {
  const response = await fetch(url, { headers: BARE_HEADERS });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  const page = (await response.json()) as { seats?: unknown[] };
  return { seats: page.seats ?? [], link: response.headers.get("link") ?? undefined };
}

/**
 * One seat page with bare undici: `request`, the body read once, gunzipped when the server
 * gzipped it, `JSON.parse` once. What a hand-written loop costs; the floor the SDK is held to.
 */
import { gunzipSync } from "node:zlib";
import { request } from "undici";
import { BARE_HEADERS } from "./headers.js";
import type { SeatPage } from "./listing.js";

/** GETs one page. @throws Error on a non-200 answer. */
export async function getPage(url: string): Promise<SeatPage> {
  const response = await request(url, { headers: BARE_HEADERS });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`GET ${url} answered ${response.statusCode}`);
  }
  const text =
    response.headers["content-encoding"] === "gzip"
      ? gunzipSync(Buffer.from(await response.body.arrayBuffer())).toString("utf8")
      : await response.body.text();
  const body = JSON.parse(text) as { seats?: unknown[] };
  return { seats: body.seats ?? [], link: response.headers.link };
}

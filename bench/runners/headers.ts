/**
 * Headers of every bare request (GitHub's recommended ones). In a module of its own: the
 * bare `fetch` loop imports it without loading the `undici` package, whose import installs
 * undici 7's `Agent` as the global dispatcher of Node's own `fetch` (the SDK's children run
 * on Node's bundled dispatcher, and so must the loop they are compared with).
 */
import { BENCH_TOKEN } from "../job.js";

/** GitHub's recommended request headers, with the bench token. */
export const BARE_HEADERS = {
  accept: "application/vnd.github+json",
  authorization: `Bearer ${BENCH_TOKEN}`,
  "x-github-api-version": "2022-11-28",
  "user-agent": "bench-bare",
  "accept-encoding": "gzip",
};

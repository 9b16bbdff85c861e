/**
 * Response helpers shaped like GitHub's REST answers: JSON bodies with
 * `application/json; charset=utf-8`, error bodies `{ message, documentation_url, status }`,
 * and `Link` pagination headers.
 */

/** GitHub's REST docs root, used in `documentation_url` of error bodies. */
export const DOCS = "https://docs.github.com/rest";

/** A JSON response. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** A response without a body (204, or 202 without content). */
export function empty(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

/** GitHub's error body: `{ message, documentation_url, status }` (status as a string, as GitHub sends it). */
export function error(
  status: number,
  message: string,
  documentationUrl = DOCS,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Response {
  return json(
    status,
    { message, documentation_url: documentationUrl, status: String(status), ...extra },
    headers,
  );
}

/** 404 `Not Found`, GitHub's answer for unknown organizations, users without a seat and unknown paths. */
export function notFound(documentationUrl = DOCS): Response {
  return error(404, "Not Found", documentationUrl);
}

/** Page window of a list request. */
export interface PageWindow {
  page: number;
  perPage: number;
  start: number;
  end: number;
  /** `Link` header value, absent when everything fits on page 1. */
  link?: string;
}

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/**
 * Reads `page` and `per_page` like GitHub does: `per_page` above 100 is clamped
 * to 100, missing or invalid values fall back to the defaults, and a page past
 * the end is simply empty. Builds the `Link` header on the request URL with
 * GitHub's relation order (`prev`, `next`, `last`, `first`).
 */
export function pageWindow(url: URL, total: number, defaultPerPage: number): PageWindow {
  const perPage = Math.min(positiveInt(url.searchParams.get("per_page")) ?? defaultPerPage, 100);
  const page = positiveInt(url.searchParams.get("page")) ?? 1;
  const lastPage = Math.max(Math.ceil(total / perPage), 1);
  const start = Math.min((page - 1) * perPage, total);
  const end = Math.min(start + perPage, total);
  const at = (n: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(n));
    return `<${next.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) parts.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) parts.push(`${at(1)}; rel="first"`);
  const window: PageWindow = { page, perPage, start, end };
  if (parts.length > 0) window.link = parts.join(", ");
  return window;
}

/** `{ link }` for a page window, or nothing. */
export function linkHeaders(window: PageWindow): Record<string, string> {
  return window.link ? { link: window.link } : {};
}

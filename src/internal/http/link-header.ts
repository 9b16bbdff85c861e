/**
 * `Link` header parsing (RFC 8288), as GitHub sends it for pagination:
 * `<https://api.github.com/...&page=2>; rel="next", <...&page=5>; rel="last"`.
 * Linear in the header length, so a hostile 64 KB header costs microseconds.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */

const LINK = /<([^<>]*)>([^<]*)/g;
const REL = /;\s*rel\s*=\s*"?([^";,]+)"?/i;

/** Returns the URL of each `rel` (`next`, `last`, `prev`, `first`); the first occurrence wins. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const match of header.matchAll(LINK)) {
    const rel = REL.exec(match[2] ?? "")?.[1];
    if (!rel) continue;
    for (const name of rel.trim().split(/\s+/)) {
      if (!(name in links)) links[name] = match[1] ?? "";
    }
  }
  return links;
}

/** `Link` header parsing for the bare runners: the URL of one relation, or `undefined`. */
export function linkOf(header: string | string[] | undefined, rel: string): string | undefined {
  const value = Array.isArray(header) ? header.join(", ") : header;
  if (!value) return undefined;
  for (const part of value.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part);
    if (match?.[2] === rel) return match[1];
  }
  return undefined;
}

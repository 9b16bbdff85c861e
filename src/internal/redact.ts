/**
 * Redaction of secrets from anything the SDK renders: URLs in errors and logs,
 * header maps, free text. Signed download URLs (report `download_links`) carry
 * their credentials in the query string, so any query on a non-API origin is
 * dropped wholesale; on the API origin, only parameters that look like
 * credentials are masked.
 */

const REDACTED = "[REDACTED]";

/** Query parameter names that carry credentials (AWS/Azure/GCS signatures, GitHub tokens). */
const SECRET_PARAM =
  /^(x-amz-|x-goog-|sig$|signature|se$|sp$|sv$|skoid|sktid|token|access_token|jwt|code$|key$|auth)/i;

/** Response/request header names whose values are never rendered. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-github-token)$/i;

/** Response headers holding a URL, whose query may be a signature (a redirect to a download host). */
const URL_HEADER = /^(location|content-location)$/i;

/** Token shapes GitHub issues (classic, fine-grained, App installation, OAuth, refresh). */
const TOKEN_PATTERN = /\b(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g;

/**
 * Returns `url` without userinfo and without credential-bearing query parameters.
 * When `apiOrigin` is given and the URL is on another origin, the whole query is
 * replaced by `?[REDACTED]`.
 */
export function redactUrl(url: string | URL, apiOrigin?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redactText(String(url).replace(/\?.*$/s, `?${REDACTED}`));
  }
  parsed.username = "";
  parsed.password = "";
  parsed.hash = "";
  // Already redacted (a header rendered twice): keep it as it is.
  if (parsed.search === `?${REDACTED}`) return `${parsed.origin}${parsed.pathname}${parsed.search}`;
  if (parsed.search) {
    if (apiOrigin !== undefined && parsed.origin !== apiOrigin) {
      return `${parsed.origin}${parsed.pathname}?${REDACTED}`;
    }
    const kept: string[] = [];
    for (const [name, value] of parsed.searchParams) {
      kept.push(
        `${encodeURIComponent(name)}=${SECRET_PARAM.test(name) ? REDACTED : encodeURIComponent(value)}`,
      );
    }
    return `${parsed.origin}${parsed.pathname}?${kept.join("&")}`;
  }
  return parsed.toString();
}

/** Copies a header set into a plain object, masking credential headers. */
export function redactHeaders(
  headers: Headers | Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name.toLowerCase()] = SECRET_HEADER.test(name)
      ? REDACTED
      : URL_HEADER.test(name)
        ? redactUrl(value)
        : redactText(value);
  }
  return out;
}

/** Masks GitHub token shapes, `Bearer …`/`token …` credentials and any extra secrets given. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(TOKEN_PATTERN, REDACTED)
    .replace(/\bBearer\s+[^\s"',]+/gi, `Bearer ${REDACTED}`)
    // Only credential-looking words after "token": "the token is expired" stays readable.
    .replace(/\btoken\s+(?=[^\s"',]*\d)[^\s"',]{16,}/gi, `token ${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A copy of a JSON value with {@link redactText} applied to every string (depth-bounded). */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object" || depth > 20) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: redactDeep(item, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

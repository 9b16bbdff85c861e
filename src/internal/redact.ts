/**
 * Redaction of secrets from anything the SDK renders: messages, URLs, header maps, bodies,
 * cause chains. Every error class applies it at construction (so `message`, `stack`,
 * `toJSON()` and `util.inspect()` are clean), and so does everything the SDK logs.
 *
 * The rules, in one place:
 * - A URL on another origin than the API's (a signed report or export link) loses its whole
 *   query: `https://host/path?[REDACTED]`. Without a known API origin, every URL does.
 * - A URL on the API origin keeps its query, with credential-looking parameters masked.
 * - URLs found inside free text (messages, error bodies, stacks) follow the same rules.
 * - GitHub token shapes, `Bearer …` values and the exact secrets the pipeline knows (the
 *   token, the query values of a signed URL) are replaced by `[REDACTED]` wherever they occur.
 */

const REDACTED = "[REDACTED]";

/** What a redaction knows about the request: the API origin and the exact secrets in play. */
export interface Redaction {
  /** e.g. `"https://api.github.com"`: URLs on it keep their non-credential query parameters. */
  apiOrigin?: string | undefined;
  /** Exact strings never to render (the token, a signed URL's query values); 8+ characters. */
  secrets?: readonly string[] | undefined;
}

/** Query parameter names that carry credentials (AWS/Azure/GCS signatures, GitHub tokens). */
const SECRET_PARAM =
  /^(x-amz-|x-goog-|sig$|signature|se$|sp$|sv$|skoid|sktid|token|access_token|jwt|code$|key$|auth)/i;

/** Response/request header names whose values are never rendered. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-github-token)$/i;

/** Token shapes GitHub issues (classic, fine-grained, App installation, OAuth, refresh). */
const TOKEN_PATTERN = /\b(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g;

/** An absolute URL inside free text, up to the first character that cannot be part of it. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>`\\]+/gi;

/** The shortest exact secret that is cut out of text (shorter strings would match by chance). */
const MIN_SECRET_LENGTH = 8;

/**
 * Returns `url` without userinfo and fragment, and without its query when it is not on
 * `apiOrigin` (or no origin is given); on the API origin, credential parameters are masked.
 * A URL that does not parse loses everything after `?`.
 */
export function redactUrl(url: string | URL, apiOrigin?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return maskTokens(String(url).replace(/\?.*$/s, `?${REDACTED}`));
  }
  parsed.username = "";
  parsed.password = "";
  parsed.hash = "";
  if (!parsed.search) return parsed.toString();
  if (apiOrigin === undefined || parsed.origin !== apiOrigin || parsed.search === `?${REDACTED}`) {
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

/**
 * The exact secrets a URL carries: the query values of a URL off the API origin (a signature
 * can be echoed without its URL, e.g. S3's `SignatureProvided`), the credential parameters of
 * one on it, and its userinfo.
 */
export function secretsOfUrl(url: string, apiOrigin: string | undefined): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const secrets: string[] = [];
  const foreign = apiOrigin === undefined || parsed.origin !== apiOrigin;
  for (const [name, value] of parsed.searchParams) {
    if (foreign || SECRET_PARAM.test(name)) secrets.push(value);
  }
  if (parsed.password) secrets.push(decodeURIComponent(parsed.password));
  return secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
}

/** Copies a header set into a plain object, masking credential headers and URL queries. */
export function redactHeaders(
  headers: Headers | Record<string, string> | undefined,
  redaction: Redaction = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name.toLowerCase()] = SECRET_HEADER.test(name) ? REDACTED : redactText(value, redaction);
  }
  return out;
}

function maskTokens(text: string): string {
  return (
    text
      .replace(TOKEN_PATTERN, REDACTED)
      .replace(/\bBearer\s+(?!\[REDACTED\])[^\s"',]+/gi, `Bearer ${REDACTED}`)
      // Only credential-looking words after "token": "the token is expired" stays readable.
      .replace(/\btoken\s+(?=[^\s"',]*\d)[^\s"',]{16,}/gi, `token ${REDACTED}`)
  );
}

/**
 * Masks, in free text: the exact `secrets`, GitHub token shapes, `Bearer …`/`token …`
 * credentials, and the query of every URL by the rules of {@link redactUrl}.
 */
export function redactText(text: string, redaction: Redaction = {}): string {
  let out = text;
  for (const secret of redaction.secrets ?? []) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) {
      out = out.split(secret).join(REDACTED);
    }
  }
  out = maskTokens(out);
  if (out.includes("://")) {
    out = out.replace(URL_IN_TEXT, (url) =>
      url.includes("?") ? redactUrl(url, redaction.apiOrigin) : url,
    );
  }
  return out;
}

/** A copy of a JSON value with {@link redactText} applied to every string (depth-bounded). */
export function redactDeep(value: unknown, redaction: Redaction = {}, depth = 0): unknown {
  if (typeof value === "string") return redactText(value, redaction);
  if (value === null || typeof value !== "object") return value;
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redaction, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: redactDeep(item, redaction, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

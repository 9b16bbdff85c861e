/**
 * Base URL handling and path expansion. Path parameters are checked before
 * anything is sent: percent-encoding alone does not stop WHATWG URL parsing from
 * resolving dot segments (`%2e%2e` is `..`), so such values are refused outright.
 */
import { RequestValidationError } from "../../core/errors.js";
import { redactText } from "../redact.js";

/** A parsed, checked API root: origin plus an optional path prefix without trailing slash. */
export interface BaseUrl {
  /** e.g. `"https://api.github.com"`. */
  origin: string;
  /** e.g. `""` or `"/api/v3"`. */
  prefix: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Parses `baseUrl` (`https://api.github.com`, `https://api.SUBDOMAIN.ghe.com`, a GHES-style
 * `https://host/api/v3`). Plain `http:` is accepted only for loopback hosts unless
 * `allowInsecureHttp` is set.
 *
 * @throws {RequestValidationError} for a malformed URL, credentials, a query or fragment, or insecure http.
 */
export function parseBaseUrl(baseUrl: string, allowInsecureHttp = false): BaseUrl {
  const fail = (message: string): never => {
    throw new RequestValidationError({
      operation: "CopilotClient",
      issues: [{ path: ["baseUrl"], message, code: "invalid_base_url" }],
    });
  };
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return fail(`not a URL: ${JSON.stringify(baseUrl.slice(0, 200))}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    fail(`unsupported scheme ${url.protocol}`);
  if (url.protocol === "http:" && !allowInsecureHttp && !LOOPBACK.test(url.hostname)) {
    fail("plain http is only allowed for loopback hosts; pass allowInsecureHttp: true to override");
  }
  if (url.username || url.password)
    fail("credentials in the base URL are not allowed; use the auth option");
  if (url.search || url.hash) fail("the base URL must not have a query or fragment");
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, "") };
}

// Anything that could change which resource the path names once the URL parser has run.
const FORBIDDEN = /[/?#%\\]|\.\./;
const hasControlCharacter = (value: string) => {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
};

/**
 * Expands `{name}` placeholders of a path template with percent-encoded values.
 *
 * @throws {RequestValidationError} for an empty value, `.` or `..`, or a value containing
 *   `/`, `\`, `?`, `#`, `%`, `..` or control characters.
 */
export function expandPath(
  template: string,
  values: Record<string, unknown>,
  operation: string,
): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const raw = values[name];
    const value = typeof raw === "number" && Number.isFinite(raw) ? String(raw) : raw;
    if (
      typeof value !== "string" ||
      value.length === 0 ||
      value === "." ||
      FORBIDDEN.test(value) ||
      hasControlCharacter(value)
    ) {
      throw new RequestValidationError({
        operation,
        issues: [
          {
            path: [name],
            code: "invalid_path_parameter",
            message:
              typeof value !== "string" || value.length === 0
                ? "required, a non-empty string"
                : `${JSON.stringify(redactText(value.slice(0, 100)))} may not contain "/", "\\", "?", "#", "%", ".." or control characters`,
          },
        ],
      });
    }
    return encodeURIComponent(value);
  });
}

/** Appends defined query values to `url` in the order given. */
export function withQuery(url: string, query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `${url}${url.includes("?") ? "&" : "?"}${text}` : url;
}

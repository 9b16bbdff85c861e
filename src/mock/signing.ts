/**
 * Signed-looking download URLs for report files, in the style of the presigned
 * object-store URLs GitHub's `download_links` carry: the query is the credential,
 * it expires, and a request that also carries an `Authorization` header is refused
 * with 400 (as S3 does: "Only one auth mechanism allowed"), so a client that leaks
 * the GitHub token to the download host fails loudly.
 */
import { hash32 } from "./random.js";

/** How long a link stays valid, in seconds (GitHub documents "a limited expiration time"). */
export const LINK_TTL_SECONDS = 3_600;

function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function parseAmzDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return Number.NaN;
  return Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
}

function signature(secret: string, path: string, date: string, expires: string): string {
  let out = "";
  for (let i = 0; i < 8; i++)
    out += hash32(`${i}|${secret}|${path}|${date}|${expires}`).toString(16).padStart(8, "0");
  return out;
}

/** A signed URL for `path` (starting with `/`) under `origin`, valid `ttl` seconds from `now`. */
export function signUrl(
  origin: string,
  path: string,
  secret: string,
  now: Date,
  ttl = LINK_TTL_SECONDS,
): string {
  const date = amzDate(now);
  const expires = String(ttl);
  const query = new URLSearchParams({
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": `AKIAMOCKCOPILOT/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
    "X-Amz-Date": date,
    "X-Amz-Expires": expires,
    "X-Amz-SignedHeaders": "host",
    "X-Amz-Signature": signature(secret, path, date, expires),
  });
  return `${origin}${path}?${query.toString()}`;
}

/** Outcome of checking a download request's query string. */
export type SignatureCheck = "valid" | "expired" | "invalid";

/** Checks the signature of `path` + `query` at `now`. */
export function checkSignature(
  path: string,
  query: URLSearchParams,
  secret: string,
  now: Date,
): SignatureCheck {
  const date = query.get("X-Amz-Date") ?? "";
  const expires = query.get("X-Amz-Expires") ?? "";
  if (query.get("X-Amz-Signature") !== signature(secret, path, date, expires)) return "invalid";
  const issued = parseAmzDate(date);
  if (Number.isNaN(issued)) return "invalid";
  return now.getTime() > issued + Number(expires) * 1000 ? "expired" : "valid";
}

/** An S3-style XML error body. */
export function xmlError(status: number, code: string, message: string): Response {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>MOCK</RequestId></Error>`;
  return new Response(body, { status, headers: { "content-type": "application/xml" } });
}

/** The S3-style 403 for a download URL whose signature is expired or wrong; `undefined` when valid. */
export function signatureRefusal(
  path: string,
  query: URLSearchParams,
  secret: string,
  now: Date,
): Response | undefined {
  const check = checkSignature(path, query, secret, now);
  if (check === "expired") return xmlError(403, "AccessDenied", "Request has expired");
  if (check === "invalid") {
    return xmlError(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  return undefined;
}

/**
 * The first string `code` along an error's `cause` chain (at most 5 deep), e.g. `"ECONNREFUSED"`
 * or `"UND_ERR_HEADERS_OVERFLOW"`: `fetch` wraps the system error as the cause of a `TypeError`.
 */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

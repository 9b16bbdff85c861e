/**
 * A tiny CSV writer (RFC 4180): fields holding a comma, a double quote or a line break are
 * quoted, with inner quotes doubled; `null` and `undefined` are empty fields.
 */

/** One CSV field. */
export function csvField(value: string | number | null | undefined): string {
  const text = value == null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, ending in `\n`. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\n`;
}

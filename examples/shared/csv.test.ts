import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv.js";

/** A strict RFC 4180 reader of one record, to check that what we write reads back the same. */
function parseRecord(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const text = line.endsWith("\n") ? line.slice(0, -1) : line;
  while (i <= text.length) {
    if (text[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error("unterminated quote");
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(",", i);
      const end = comma < 0 ? text.length : comma;
      const value = text.slice(i, end);
      if (/["\r\n]/.test(value))
        throw new Error(`bare special character in ${JSON.stringify(value)}`);
      fields.push(value);
      i = end;
    }
    if (i < text.length && text[i] !== ",") throw new Error(`expected a comma at ${i}`);
    i++;
  }
  return fields;
}

describe("csv", () => {
  it("leaves plain fields unquoted", () => {
    expect(csvField("vscode/1.96.2/copilot-chat/0.23.2")).toBe("vscode/1.96.2/copilot-chat/0.23.2");
    expect(csvField(42)).toBe("42");
  });

  it("writes null and undefined as empty fields", () => {
    expect(parseRecord(csvLine(["a", null, undefined, "b"]))).toEqual(["a", "", "", "b"]);
  });

  it.each([
    ["a comma", "Octo, Inc."],
    ["a quote", 'say "hi"'],
    ["a line feed", "line\nbreak"],
    ["a carriage return", "line\r\nbreak"],
    ["only quotes", '""'],
    ["leading and trailing spaces", "  padded  "],
  ])("quotes a field with %s so it reads back unchanged", (_what, value) => {
    const fields = ["mona", value, "octo-org"];
    const line = csvLine(fields);
    expect(line.endsWith("\n")).toBe(true);
    expect(parseRecord(line)).toEqual(fields);
  });
});

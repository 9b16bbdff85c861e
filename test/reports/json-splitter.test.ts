import { describe, expect, it } from "vitest";
import { JsonRecordSplitter } from "../../src/internal/reports/json-splitter.js";

function split(text: string, chunkSize: number) {
  const splitter = new JsonRecordSplitter();
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < text.length; i += chunkSize) {
    splitter.push(text.slice(i, i + chunkSize));
    out.push(...splitter.out);
    splitter.out = [];
  }
  splitter.end();
  out.push(...splitter.out);
  return out;
}

const tricky = {
  s: 'a "quoted" ] } [ { , : \\ back\\\\slash \u00e9 \ud83d\ude00',
  n: [1, [2, { x: "}" }]],
};

describe("JsonRecordSplitter", () => {
  it("cuts array elements at every chunk boundary, strings with escapes and brackets included", () => {
    const records = [tricky, { a: 1 }, { b: [] }, { c: {} }];
    const text = `[\n  ${records.map((r) => JSON.stringify(r, null, 2)).join(",\n  ")}\n]\n`;
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      const out = split(text, size);
      expect(out.map((r) => JSON.parse(r.text))).toEqual(records);
    }
  });

  it("streams the day_totals of a wrapper object and drops the wrapper", () => {
    const wrapper = {
      report_start_day: "2025-09-04",
      day_totals: [{ day: "2025-10-01", k: "[" }, { day: "2025-10-02" }],
      enterprise_id: "1",
      other: [{ day_totals: "not this one" }],
    };
    const text = JSON.stringify(wrapper, null, 2);
    for (const size of [1, 5, text.length]) {
      const out = split(text, size);
      expect(out.map((r) => JSON.parse(r.text))).toEqual(wrapper.day_totals);
    }
  });

  it("emits a flat object and each of several top-level objects whole, with their start lines", () => {
    const text = '{\n  "day": "2025-10-01",\n  "n": [1, 2]\n}\n\n{\n  "day": "2025-10-02"\n}\n';
    const out = split(text, 4);
    expect(out.map((r) => JSON.parse(r.text))).toEqual([
      { day: "2025-10-01", n: [1, 2] },
      { day: "2025-10-02" },
    ]);
    expect(out.map((r) => r.line)).toEqual([1, 6]);
  });

  it("keeps scalar elements and reports line numbers of elements", () => {
    const out = split('[\n1,\n"two",\n{"three": 3}\n]', 3);
    expect(out.map((r) => JSON.parse(r.text))).toEqual([1, "two", { three: 3 }]);
    expect(out.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it("emits a truncated element so that parsing it fails", () => {
    const out = split('[{"a": 1}, {"b": "unterminated', 5);
    expect(out).toHaveLength(2);
    expect(() => JSON.parse(out[1]!.text)).toThrow();
  });
});

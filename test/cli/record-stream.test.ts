/**
 * `printRecordStream`: what `copilot-admin export --csv / --json` prints, batch by batch as the
 * rows arrive (never the whole export in memory), and what stays printed when the download
 * fails half-way.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { type CliIO, printRecordStream } from "../../src/cli/output.js";

function capture() {
  const writes: string[] = [];
  let err = "";
  const io: CliIO = {
    out: (text) => writes.push(text),
    err: (text) => {
      err += text;
    },
    errIsTTY: false,
    env: {},
  };
  return { io, writes, err: () => err };
}

async function* from<T>(items: T[], failAfter?: number): AsyncGenerator<T> {
  for (const [i, item] of items.entries()) {
    if (i === failAfter) throw new Error("connection reset");
    yield item;
  }
}

const row = (i: number) => ({
  date: "2026-11-01",
  product: "copilot",
  sku: "copilot_premium_request",
  quantity: i,
  note: i % 2 ? 'says "hi", twice' : null,
  tags: { team: `t${i % 3}` },
});

describe("printRecordStream", () => {
  it("--json: the same text as JSON.stringify(records, null, 2), for 0, 1 and 3 records", async () => {
    for (const count of [0, 1, 3]) {
      const records = Array.from({ length: count }, (_, i) => row(i));
      const { io, writes } = capture();
      await expect(printRecordStream(io, "json", from(records))).resolves.toBe(count);
      expect(writes.join("")).toBe(`${JSON.stringify(records, null, 2)}\n`);
    }
  });

  it("--csv: the first record's keys as header, objects as JSON cells, RFC 4180 quoting", async () => {
    const records = [row(0), row(1)];
    const { io, writes } = capture();
    await printRecordStream(io, "csv", from(records));
    const parsed = parse(writes.join(""), { columns: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0] ?? {})).toEqual(Object.keys(row(0)));
    expect(parsed.map((r) => [r.quantity, r.note, r.tags])).toEqual([
      ["0", "", '{"team":"t0"}'],
      ["1", 'says "hi", twice', '{"team":"t1"}'],
    ]);
  });

  it("--csv: a key missing from the first record is left out and said once", async () => {
    const { io, writes, err } = capture();
    await printRecordStream(
      io,
      "csv",
      from([row(0), { ...row(1), extra: 1 }, { ...row(2), extra: 2 }]),
    );
    expect(writes.join("").split("\n")[0]).not.toContain("extra");
    expect(err().match(/"extra"/g)).toHaveLength(1);
  });

  it("prints batch by batch, and what was printed stays when the source fails half-way", async () => {
    const records = Array.from({ length: 3_000 }, (_, i) => row(i));
    const { io, writes } = capture();
    const progress: number[] = [];
    await expect(
      printRecordStream(io, "csv", from(records, 2_500), {
        batch: 1_000,
        onProgress: (n) => progress.push(n),
      }),
    ).rejects.toThrow("connection reset");
    // The header and rows 0..999, rows 1,000..1,999, then the 500 read before the failure.
    expect(writes).toHaveLength(3);
    expect(progress).toEqual([1_000, 2_000, 2_500]);
    const parsed = parse(writes.join(""), { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => Number(r.quantity))).toEqual(records.slice(0, 2_500).map((_, i) => i));
  });
});

/**
 * `npm run bench:export`: `billing.exports.records` on a usage-report export of `--mb` MB
 * (default 500) of CSV, beside a bare undici stream + `csv-parse` loop, on a loopback
 * emulation (API port + download port, so the token stays on the API origin). Each run is a
 * fresh `node` child (bundled runners, see build.ts); runners alternate over `--rounds`
 * (default 3) and medians are reported with the targets: the SDK at ≥ 0.7× the bare
 * throughput, peak RSS under 150 MB.
 *
 *   npm run bench:export                 # 500 MB, 3 rounds
 *   npm run bench:export -- --mb 50 --rounds 1
 */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { parseArgs } from "node:util";
import { buildRunners } from "./build.js";
import type { Job, JobResult, RunnerName } from "./job.js";

const { values: flags } = parseArgs({
  options: {
    mb: { type: "string", default: "500" },
    rounds: { type: "string", default: "3" },
    files: { type: "string", default: "2" },
  },
});
const totalBytes = Math.round(Number(flags.mb) * 1024 * 1024);
const files = Math.max(1, Number(flags.files));
const rounds = Math.max(1, Number(flags.rounds));
const EXPORT_ID = "6f1c2d3e-0000-4000-8000-000000000500";

const HEADER =
  "date,username,organization,cost_center_name,product,sku,model,unit_type,applied_cost_per_quantity,quantity,gross_amount,discount_amount,net_amount\n";
const MODELS = ["Claude Sonnet 4.5", "GPT-5", "Gemini 2.5 Pro", "Claude Opus 4.5"];
/** A pool of 4 096 rows, cycled to fill the files. */
const POOL = Array.from({ length: 4_096 }, (_, i) => {
  const credits = (i * 37) % 400;
  const discount = Math.min(credits, (i * 11) % 120);
  return `2026-11-${String((i % 30) + 1).padStart(2, "0")},user-${i % 997},octo-org-${i % 7},${i % 3 === 0 ? "Platform Engineering" : ""},Copilot,Copilot AI Credits,${MODELS[i % 4]},credits,0.01,${credits},${(credits * 0.01).toFixed(2)},${(discount * 0.01).toFixed(2)},${((credits - discount) * 0.01).toFixed(2)}\n`;
});
const CHUNK = Buffer.from(POOL.join(""));
const ROW_BYTES = CHUNK.length / POOL.length;

/** Rows one file holds: whole pool chunks up to its share of the size. */
const chunksPerFile = Math.max(1, Math.floor(totalBytes / files / CHUNK.length));
const expectedRows = chunksPerFile * POOL.length * files;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

async function startServers(): Promise<{ api: string; close: () => Promise<void> }> {
  const downloads = createServer((req, res) => {
    if (req.headers.authorization) {
      res.writeHead(400).end("Only one auth mechanism allowed");
      return;
    }
    res.writeHead(200, {
      "content-type": "text/csv",
      "content-length": String(HEADER.length + chunksPerFile * CHUNK.length),
    });
    res.write(HEADER);
    let sent = 0;
    const pump = () => {
      while (sent < chunksPerFile) {
        sent++;
        if (!res.write(CHUNK)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  const download = await listen(downloads);
  const api = createServer((req, res) => {
    if (!req.url?.endsWith(`/settings/billing/reports/${EXPORT_ID}`)) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
      return;
    }
    const body = {
      id: EXPORT_ID,
      report_type: "ai_credit",
      start_date: "2026-11-01",
      end_date: "2026-11-30",
      status: "completed",
      download_urls: Array.from(
        { length: files },
        (_, i) => `${download}/exports/part-${i + 1}.csv?X-Amz-Signature=bench`,
      ),
      created_at: "2026-12-01T00:00:00Z",
      actor: "octocat",
    };
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-remaining": "4999",
    });
    res.end(JSON.stringify(body));
  });
  const apiUrl = await listen(api);
  return {
    api: apiUrl,
    close: () =>
      new Promise<void>((resolve) => {
        api.closeAllConnections();
        downloads.closeAllConnections();
        api.close(() => downloads.close(() => resolve()));
      }),
  };
}

function runChild(script: string, job: Job): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(job)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 600_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) reject(new Error(`${job.runner} exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(last) as JobResult);
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const runners: RunnerName[] = ["export-bare", "export-sdk"];
  const scripts = await buildRunners(runners);
  const server = await startServers();
  const mb = (expectedRows * ROW_BYTES + HEADER.length * files) / 1024 / 1024;
  console.log(
    `bench:export: ${mb.toFixed(0)} MB of CSV in ${files} files (${expectedRows.toLocaleString("en-US")} rows), ${rounds} rounds, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
  );
  const results: Record<string, JobResult[]> = { "export-bare": [], "export-sdk": [] };
  try {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? runners : [...runners].reverse();
      for (const runner of order) {
        const result = await runChild(scripts[runner], {
          runner,
          apiUrl: server.api,
          org: EXPORT_ID,
        });
        if (result.items !== expectedRows)
          throw new Error(`${runner} saw ${result.items} rows, expected ${expectedRows}`);
        results[runner]!.push(result);
        console.log(
          `  round ${round + 1} ${runner.padEnd(12)} ${(mb / (result.wallMs / 1000)).toFixed(1).padStart(7)} MB/s  ${(result.wallMs / 1000).toFixed(2)} s  peak RSS ${result.peakRssMb.toFixed(1)} MB`,
        );
      }
    }
  } finally {
    await server.close();
  }
  const throughput = (runner: string) =>
    median(results[runner]!.map((r) => mb / (r.wallMs / 1000)));
  const rss = (runner: string) => Math.max(...results[runner]!.map((r) => r.peakRssMb));
  const bare = throughput("export-bare");
  const sdk = throughput("export-sdk");
  const ratio = sdk / bare;
  // The machine may be shared: each round's pair ran back to back, so their ratio is steadier.
  const paired = median(
    results["export-sdk"]!.map((r, i) => results["export-bare"]![i]!.wallMs / r.wallMs),
  );
  console.log("");
  console.log("| runner | median MB/s | max peak RSS (MB) |");
  console.log("|---|---:|---:|");
  console.log(
    `| bare undici stream + csv-parse | ${bare.toFixed(1)} | ${rss("export-bare").toFixed(1)} |`,
  );
  console.log(
    `| SDK billing.exports.records | ${sdk.toFixed(1)} | ${rss("export-sdk").toFixed(1)} |`,
  );
  console.log(`median of the per-round ratios (SDK ÷ bare throughput): ${paired.toFixed(2)}×`);
  console.log("");
  const checks = [
    { target: "SDK throughput ≥ 0.7 × bare", value: `${ratio.toFixed(2)}×`, ok: ratio >= 0.7 },
    {
      target: "SDK peak RSS < 150 MB",
      value: `${rss("export-sdk").toFixed(1)} MB`,
      ok: rss("export-sdk") < 150,
    },
  ];
  for (const check of checks)
    console.log(`${check.ok ? "PASS" : "FAIL"}  ${check.target}: ${check.value}`);
  if (checks.some((c) => !c.ok)) process.exitCode = 1;
}

await main();

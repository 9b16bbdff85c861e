/**
 * Loopback GitHub emulation for the benchmark (node:http on 127.0.0.1, two ports):
 *
 * - API port: `GET /orgs/{org}/copilot/billing/seats?per_page&page` answers pretty-printed
 *   GitHub-shaped seats with `Link` headers (`prev`, `next`, `last`, `first`, in GitHub's
 *   order), `total_seats`, rate-limit headers far from any limit, and gzip when asked for
 *   (`Accept-Encoding`) and enabled. `GET /orgs/{org}/copilot/metrics/reports/users-28-day/latest`
 *   answers the report's signed download link.
 * - Download port: `GET /reports/users-28-day.ndjson` streams `reportBytes` of NDJSON rows,
 *   generated deterministically and sent with back-pressure (never held whole in memory).
 *
 * The organization name carries the scenario, so the server keeps no per-run state:
 * `bench-s50000-l50` lists 50 000 seats with 50 ms latency per API request.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { seatAt, userDayAt } from "./fixtures.js";

/** Options of {@link startBenchServer}. */
export interface BenchServerOptions {
  /** gzip API answers when the client accepts it. Default `false`. */
  gzip?: boolean;
  /** Size of the users report file, in bytes (rounded up to whole rows). */
  reportBytes: number;
}

/** A running emulation. */
export interface BenchServer {
  /** `http://127.0.0.1:<port>` of the API. */
  apiUrl: string;
  /** `http://127.0.0.1:<port>` of the download host. */
  downloadUrl: string;
  /** Size of the report file actually served, in bytes. */
  reportBytes: number;
  /** Records (NDJSON lines) in the report file. */
  reportRecords: number;
  /** Requests answered (both ports) since the last {@link BenchServer.resetCount}. */
  requests(): number;
  resetCount(): void;
  /**
   * Renders every seat page of `org` (at `per_page=100`) ahead of the runs, so that serving a
   * page costs the server a write, not a render: the server shares the machine's two cores
   * with the runner being measured.
   */
  warm(org: string): void;
  close(): Promise<void>;
}

/** The organization name that encodes a scenario: seat count and API latency (ms). */
export function scenarioOrg(seats: number, latencyMs: number): string {
  return `bench-s${seats}-l${latencyMs}`;
}

function parseOrg(org: string): { seats: number; latencyMs: number } | undefined {
  const match = /^bench-s(\d+)-l(\d+)$/.exec(org);
  return match ? { seats: Number(match[1]), latencyMs: Number(match[2]) } : undefined;
}

const REPORT_DAYS = 28;
const POOL_ROWS = 2_000;

/** A pool of distinct NDJSON rows, repeated to reach the report size. */
function reportPool(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < POOL_ROWS; i++) {
    const day = new Date(Date.UTC(2026, 9, 23 + (i % REPORT_DAYS))).toISOString().slice(0, 10);
    lines.push(JSON.stringify(userDayAt(i, day)));
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

async function* repeat(pool: Buffer, times: number): AsyncGenerator<Buffer> {
  const chunk = 64 * 1024;
  for (let t = 0; t < times; t++) {
    for (let offset = 0; offset < pool.length; offset += chunk)
      yield pool.subarray(offset, offset + chunk);
  }
}

function rateLimitHeaders(count: number): Record<string, string> {
  return {
    "x-ratelimit-limit": "15000",
    "x-ratelimit-remaining": String(15_000 - (count % 1000)),
    "x-ratelimit-used": String(count % 1000),
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-resource": "core",
  };
}

/** A rendered body: pretty-printed JSON and, once asked for, its gzip. */
interface Rendered {
  text: Buffer;
  gzip?: Buffer;
}

function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  gzip: boolean,
): void {
  sendRendered(
    req,
    res,
    status,
    { text: Buffer.from(JSON.stringify(body, null, 2)) },
    headers,
    gzip,
  );
}

function sendRendered(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  rendered: Rendered,
  headers: Record<string, string>,
  gzip: boolean,
): void {
  const zipped = gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (zipped) rendered.gzip ??= gzipSync(rendered.text);
  const payload = zipped && rendered.gzip ? rendered.gzip : rendered.text;
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(payload.length),
    "x-github-api-version-selected": "2022-11-28",
    ...(zipped ? { "content-encoding": "gzip", vary: "Accept-Encoding" } : {}),
    ...headers,
  });
  res.end(payload);
}

/** Starts both servers on ephemeral loopback ports. */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  let count = 0;
  const pool = reportPool();
  const times = Math.max(1, Math.ceil(options.reportBytes / pool.length));
  let downloadUrl = "";
  let apiUrl = "";
  const pages = new Map<string, Rendered>();
  const render = (base: string, org: string, seats: number, perPage: number, page: number) => {
    const key = `${base} ${org} ${perPage} ${page}`;
    let rendered = pages.get(key);
    if (!rendered) {
      const items = [];
      for (let i = (page - 1) * perPage; i < Math.min(page * perPage, seats); i++)
        items.push(seatAt(base, org, i));
      rendered = {
        text: Buffer.from(JSON.stringify({ total_seats: seats, seats: items }, null, 2)),
      };
      pages.set(key, rendered);
    }
    return rendered;
  };

  const api = createServer((req, res) => {
    count++;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const base = `http://${req.headers.host}`;
    const parts = url.pathname.split("/");
    const scenario = parseOrg(parts[2] ?? "");
    const requestId = `BENCH:${count.toString(16).toUpperCase()}`;
    const headers = { "x-github-request-id": requestId, ...rateLimitHeaders(count) };
    if (req.method !== "GET" || parts[1] !== "orgs" || !scenario) {
      sendJson(req, res, 404, { message: "Not Found" }, headers, false);
      return;
    }
    const route = parts.slice(3).join("/");
    const answer = () => {
      if (route === "copilot/billing/seats") {
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
        const last = Math.max(1, Math.ceil(scenario.seats / perPage));
        const link = (p: number, rel: string) =>
          `<${base}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links: string[] = [];
        if (page > 1) links.push(link(page - 1, "prev"));
        if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
        if (page > 1) links.push(link(1, "first"));
        sendRendered(
          req,
          res,
          200,
          render(base, parts[2] ?? "", scenario.seats, perPage, page),
          links.length > 0 ? { ...headers, link: links.join(", ") } : headers,
          options.gzip ?? false,
        );
      } else if (route === "copilot/metrics/reports/users-28-day/latest") {
        sendJson(
          req,
          res,
          200,
          {
            download_links: [
              `${downloadUrl}/reports/users-28-day.ndjson?sv=2025-01-05&se=2026-11-21T12%3A00%3A00Z&sig=bench`,
            ],
            report_start_day: "2026-10-23",
            report_end_day: "2026-11-19",
          },
          headers,
          false,
        );
      } else {
        sendJson(req, res, 404, { message: "Not Found" }, headers, false);
      }
    };
    if (scenario.latencyMs > 0) setTimeout(answer, scenario.latencyMs);
    else answer();
  });

  const download = createServer((req, res) => {
    count++;
    if (!req.url?.startsWith("/reports/users-28-day.ndjson")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": "application/x-ndjson",
      "content-length": String(pool.length * times),
    });
    Readable.from(repeat(pool, times)).pipe(res);
  });

  api.keepAliveTimeout = 60_000;
  download.keepAliveTimeout = 60_000;
  const listen = async (server: Server) => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  apiUrl = await listen(api);
  downloadUrl = await listen(download);
  return {
    apiUrl,
    downloadUrl,
    reportBytes: pool.length * times,
    reportRecords: POOL_ROWS * times,
    requests: () => count,
    resetCount: () => {
      count = 0;
    },
    warm: (org) => {
      const scenario = parseOrg(org);
      if (!scenario) return;
      const last = Math.max(1, Math.ceil(scenario.seats / 100));
      for (let page = 1; page <= last; page++) {
        const rendered = render(apiUrl, org, scenario.seats, 100, page);
        if (options.gzip) rendered.gzip ??= gzipSync(rendered.text);
      }
    },
    close: async () => {
      api.closeAllConnections();
      download.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => api.close(resolve)),
        new Promise((resolve) => download.close(resolve)),
      ]);
    },
  };
}

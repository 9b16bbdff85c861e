/**
 * `copilot-admin` in-process (`runCli` with captured streams) against the loopback mock: what
 * each command prints for people and for pipes, what it sends (a dry run sends no write), and
 * how failures end (message, hint, exit code).
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/output.js";
import { runCli } from "../../src/cli/program.js";
import { type MockServer, startMockServer } from "../../src/mock/index.js";
import { Metrics } from "../../src/resources/metrics.js";

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    seed: { enterprise: "octo-ent", orgs: ["octo-org", "octo-labs"], seats: 80, random: 5 },
  });
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(
  args: string[],
  options: { tty?: boolean; token?: string | null; env?: Record<string, string> } = {},
): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    errIsTTY: options.tty ?? false,
    env:
      options.env ??
      (options.token === null ? {} : { GITHUB_TOKEN: options.token ?? server.token }),
  };
  const code = await runCli(
    [...args, ...(options.token === null && !options.env ? [] : ["--base-url", server.url])],
    io,
  );
  return { code, out, err };
}

const writes = () => server.mock.requests.filter((r) => r.method !== "GET");

describe("copilot-admin audit", { timeout: 30_000 }, () => {
  it("--json: the report of every organization of the enterprise, read-only", async () => {
    const { code, out, err } = await cli(["audit", "--enterprise", "octo-ent", "--json"]);
    expect(code, err).toBe(0);
    const report = JSON.parse(out);
    expect(report.scope).toEqual({ kind: "enterprise", name: "octo-ent" });
    expect(report.orgs.map((o: { org: string }) => o.org)).toEqual(["octo-labs", "octo-org"]);
    const s = report.seats;
    expect(s.active + s.inactive + s.grace).toBe(s.total);
    expect(report.reclaim.every((r: { plan: { dryRun: boolean } }) => r.plan.dryRun)).toBe(true);
    expect(writes()).toEqual([]);
  });

  it("--csv: a header and one row per inactive seat", async () => {
    const json = JSON.parse((await cli(["audit", "--org", "octo-org", "--json"])).out);
    const { code, out } = await cli(["audit", "--org", "octo-org", "--csv"]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "login,organization,plan_type,last_activity_at,last_activity_editor,created_at,assigning_team",
    );
    expect(lines).toHaveLength(json.seats.inactive + 1);
  });

  it("a table for people; progress on stderr only when it is a terminal", async () => {
    const tty = await cli(["audit", "--org", "octo-org"], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.out).toMatch(/^Copilot seat audit — organization octo-org/);
    expect(tty.out).toContain("Reclaim plan");
    expect(tty.err).toContain("\r\x1b[2Klisting seats: ");
    const piped = await cli(["audit", "--org", "octo-org"]);
    expect(piped.err).toBe("");
  });
});

describe("copilot-admin reclaim", { timeout: 30_000 }, () => {
  it("is a dry run by default: lists the seats, sends nothing", async () => {
    const { code, out, err } = await cli(["reclaim", "--org", "octo-org", "--csv"]);
    expect(code, err).toBe(0);
    const rows = out.trimEnd().split("\n");
    expect(rows[0]).toBe("owner,login,batch,result");
    expect(rows.length).toBeGreaterThan(1);
    expect(
      rows.slice(1).every((row) => row.startsWith("octo-org,") && row.endsWith(",dry run")),
    ).toBe(true);
    expect(writes()).toEqual([]);
  });

  it("--apply cancels exactly the listed seats", async () => {
    const planned = (await cli(["reclaim", "--org", "octo-org", "--json"])).out;
    const logins: string[] = JSON.parse(planned).batches.flatMap(
      (batch: { selected_usernames: string[] }) => batch.selected_usernames,
    );
    const { code, out, err } = await cli(["reclaim", "--org", "octo-org", "--apply", "--json"]);
    expect(code, err).toBe(0);
    const result = JSON.parse(out);
    expect(result.dryRun).toBe(false);
    expect(result.results.every((r: { status: string }) => r.status === "done")).toBe(true);
    const sent = writes().flatMap(
      (r) => (r.body as { selected_usernames: string[] }).selected_usernames,
    );
    expect(writes().every((r) => r.method === "DELETE")).toBe(true);
    expect(sent.sort()).toEqual([...logins].sort());
  });

  it("refuses under the 'all members' policy with the SDK's hint, exit 1", async () => {
    for (const org of server.mock.state.orgs.values()) org.seatManagementSetting = "assign_all";
    server.mock.state.version++;
    const { code, err } = await cli(["reclaim", "--org", "octo-org", "--apply"]);
    expect(code).toBe(1);
    expect(err).toMatch(/^error: seats\.reclaim: .*"assign_all"/);
    expect(err).toMatch(/\nhint: Seats can only be assigned or cancelled through the API/);
    expect(writes()).toEqual([]);
  });
});

describe("copilot-admin failures", { timeout: 30_000 }, () => {
  it("an unknown organization: the error and the 404 hint, exit 1", async () => {
    const { code, err } = await cli(["audit", "--org", "no-such-org"]);
    expect(code).toBe(1);
    expect(err).toMatch(/^error: .*404/);
    expect(err).toMatch(/\nhint: Check the organization login/);
    expect(err).not.toContain(server.token);
  });

  it("bad usage exits 2: no token, no scope, both formats", async () => {
    const noToken = await cli(["audit", "--org", "octo-org"], { token: null });
    expect(noToken).toMatchObject({ code: 2 });
    expect(noToken.err).toMatch(/set GITHUB_TOKEN/);
    expect((await cli(["audit"])).err).toMatch(/pass --org NAME or --enterprise NAME/);
    const both = await cli(["audit", "--org", "octo-org", "--json", "--csv"]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--json or --csv, not both/);
    const unknown = await cli(["audit", "--orgg", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option '--orgg'/);
  });
});

describe("copilot-admin spend, export, diagnose", { timeout: 30_000 }, () => {
  const original = Object.getOwnPropertyDescriptor(Metrics.prototype, "spend");
  afterEach(() => {
    if (original) Object.defineProperty(Metrics.prototype, "spend", original);
    else delete (Metrics.prototype as unknown as Record<string, unknown>).spend;
  });

  it("export: creates an enterprise export, waits for it and prints its rows as CSV", async () => {
    const { code, out, err } = await cli(["export", "--enterprise", "octo-ent", "--csv"]);
    expect(code, err).toBe(0);
    const [head, ...rows] = out.trimEnd().split("\n");
    expect(head).toMatch(/(^|,)date(,|$)/);
    expect(rows.length).toBeGreaterThan(0);
    const posts = writes().map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(posts).toEqual(["POST /enterprises/octo-ent/settings/billing/reports"]);
    const json = await cli(["export", "--enterprise", "octo-ent", "--json"]);
    expect(json.code, json.err).toBe(0);
    const records = JSON.parse(json.out) as Record<string, unknown>[];
    expect(records).toHaveLength(rows.length);
    expect(Object.keys(records[0] ?? {}).join(",")).toBe(head);
  });

  it("diagnose: the token kind and one read per namespace, never the token", async () => {
    const { code, out, err } = await cli(["diagnose", "--enterprise", "octo-ent"]);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^Token: {2}personal access token \(classic\)/);
    expect(out).toMatch(/ok seats\.listForEnterprise +200/);
    expect(out).not.toContain(server.token);
    const json = await cli(["diagnose", "--enterprise", "octo-ent", "--json"]);
    expect(JSON.parse(json.out).tokenKind).toBe("classic");
  });

  it("with metrics.spend: the month's totals and groups as a table, CSV or JSON", async () => {
    const calls: unknown[] = [];
    const summary = {
      timePeriod: { year: 2026, month: 11 },
      total: { grossAmount: 5_800, discountAmount: 200, netAmount: 5_600, quantity: 300 },
      byProduct: [
        {
          product: "copilot",
          grossAmount: 5_800,
          discountAmount: 200,
          netAmount: 5_600,
          quantity: 300,
        },
      ],
      byOrganization: [
        {
          organization: "octo-org",
          grossAmount: 3_800,
          discountAmount: 0,
          netAmount: 3_800,
          quantity: 200,
        },
      ],
    };
    Object.defineProperty(Metrics.prototype, "spend", {
      configurable: true,
      value: async (params: unknown) => {
        calls.push(params);
        return summary;
      },
    });
    const table = await cli([
      "spend",
      "--enterprise",
      "octo-ent",
      "--year",
      "2026",
      "--month",
      "11",
    ]);
    expect(table.code, table.err).toBe(0);
    expect(calls).toEqual([{ enterprise: "octo-ent", year: 2026, month: 11 }]);
    expect(table.out).toMatch(/^Copilot spend, 2026-11 \(USD\)/);
    expect(table.out).toMatch(/│ organization │ octo-org +│ 200 +│ 3800 +│ 0 +│ 3800 +│/);
    const csv = await cli(["spend", "--org", "octo-org", "--csv"]);
    expect(csv.out.split("\n").slice(0, 3)).toEqual([
      "group,key,quantity,gross,discount,net",
      "total,,300,5800,200,5600",
      "product,copilot,300,5800,200,5600",
    ]);
    const json = await cli(["spend", "--org", "octo-org", "--json"]);
    expect(JSON.parse(json.out)).toEqual(summary);
  });
});

describe("copilot-admin with GitHub App credentials", { timeout: 30_000 }, () => {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });

  it("mints an installation token for the --org's installation and audits with it", async () => {
    const env = { GITHUB_APP_ID: "12345", GITHUB_APP_PRIVATE_KEY: privateKey };
    const { code, out, err } = await cli(["audit", "--org", "octo-org", "--json"], { env });
    expect(code, err).toBe(0);
    expect(JSON.parse(out).scope).toEqual({ kind: "organization", name: "octo-org" });
    const paths = server.mock.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(paths.slice(0, 2)).toEqual([
      "GET /orgs/octo-org/installation",
      expect.stringMatching(/^POST \/app\/installations\/\d+\/access_tokens$/),
    ]);
    expect(out + err).not.toContain("PRIVATE KEY");
  });

  it("refuses half an App configuration with exit 2, sending nothing", async () => {
    const { code, err } = await cli(["audit", "--org", "octo-org"], {
      env: { GITHUB_APP_ID: "12345" },
    });
    expect(code).toBe(2);
    expect(err).toMatch(/GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY/);
    expect(server.mock.requests).toEqual([]);
  });
});

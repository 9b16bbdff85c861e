/**
 * Contract: many generated states (several seeds, then random mutations through
 * the API) and every answer the mock gives is checked against the bundled spec's
 * generated zod schemas (`generated/operations.ts`, success statuses) and every
 * report file row against the report record schemas (`src/reports/record-schemas.ts`).
 */
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import type { OperationMeta } from "../../src/core/operation.js";
import { buildRecordSchemas } from "../../src/internal/reports/record-schemas.js";
import { loadZod, schemaNamed } from "../../src/internal/validation/schemas.js";
import { type CopilotMock, createCopilotMock, type MockSeed } from "../../src/mock/index.js";
import { createRandom, type Random } from "../../src/mock/random.js";
import { findRoute, matchPath } from "../../src/mock/router.js";
import { routes } from "../../src/mock/routes/index.js";

const RECORDS = buildRecordSchemas(loadZod());

const API = "https://api.github.com";
const NOW = new Date("2026-03-15T12:00:00Z");
const OPERATIONS = Object.values(operations) as OperationMeta[];

interface Checked {
  operations: Set<string>;
  problems: string[];
  links: string[];
}

function operationFor(method: string, path: string): OperationMeta | undefined {
  return OPERATIONS.find((op) => op.method === method && matchPath(op.path, path) !== null);
}

async function send(
  mock: CopilotMock,
  checked: Checked,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const init: RequestInit = { method, headers: { authorization: "Bearer contract" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await mock.handle(new Request(`${API}${path}`, init));
  if (!response) throw new Error(`no answer for ${method} ${path}`);
  const text = await response.text();
  const op = operationFor(method, path.split("?")[0] as string);
  if (!op) {
    checked.problems.push(`${method} ${path}: no operation in the spec`);
    return undefined;
  }
  if (response.status >= 300) return undefined; // errors are checked by the behaviour tests
  checked.operations.add(op.id);
  if (!(response.status in op.responses)) {
    checked.problems.push(`${op.id}: status ${response.status} is not documented`);
    return undefined;
  }
  const validator = op.responses[response.status];
  if (validator === null || validator === undefined) {
    if (text !== "") checked.problems.push(`${op.id}: ${response.status} should have no body`);
    return undefined;
  }
  const parsed = schemaNamed(validator.schema).safeParse(JSON.parse(text));
  if (validator.check(JSON.parse(text)) !== parsed.success) {
    checked.problems.push(`${op.id} ${response.status}: the predicate and zod disagree`);
  }
  if (!parsed.success) {
    checked.problems.push(
      `${op.id} ${response.status}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`,
    );
  }
  const data = JSON.parse(text) as { download_links?: string[] };
  if (data.download_links) checked.links.push(...data.download_links);
  return data;
}

function some<T>(random: Random, items: readonly T[], max: number): T[] {
  const out: T[] = [];
  for (let i = random.int(1, max); i > 0 && items.length > 0; i--) out.push(random.pick(items));
  return out;
}

async function mutate(mock: CopilotMock, random: Random, checked: Checked): Promise<void> {
  const state = mock.state;
  const org = random.pick([...state.orgs.values()]);
  const users = [...org.members].map((id) => state.users.get(id)?.login ?? "");
  const teams = [...org.teams.keys()];
  const enterpriseTeams = [...state.enterprise.teams.keys()];
  const ent = `/enterprises/${state.enterprise.slug}`;
  const repo = random.pick(org.repositories);
  const actions: Array<() => Promise<unknown>> = [
    () =>
      send(mock, checked, "POST", `/orgs/${org.login}/copilot/billing/selected_users`, {
        selected_usernames: some(random, users, 5),
      }),
    () =>
      send(mock, checked, "DELETE", `/orgs/${org.login}/copilot/billing/selected_users`, {
        selected_usernames: some(random, users, 5),
      }),
    () =>
      send(mock, checked, "POST", `/orgs/${org.login}/copilot/billing/selected_teams`, {
        selected_teams: some(random, teams, 2),
      }),
    () =>
      send(mock, checked, "DELETE", `/orgs/${org.login}/copilot/billing/selected_teams`, {
        selected_teams: some(random, teams, 2),
      }),
    () =>
      send(mock, checked, "POST", `${ent}/copilot/billing/selected_users`, {
        selected_usernames: some(random, users, 3),
      }),
    () =>
      send(mock, checked, "DELETE", `${ent}/copilot/billing/selected_users`, {
        selected_usernames: some(random, users, 3),
      }),
    () =>
      send(mock, checked, "POST", `${ent}/copilot/billing/selected_enterprise_teams`, {
        selected_enterprise_teams: some(random, enterpriseTeams, 1),
      }),
    () =>
      send(mock, checked, "DELETE", `${ent}/copilot/billing/selected_enterprise_teams`, {
        selected_enterprise_teams: some(random, enterpriseTeams, 1),
      }),
    () =>
      send(mock, checked, "PUT", `/orgs/${org.login}/copilot/content_exclusion`, {
        [repo.name]: ["/secrets/**"],
        "*": ["**/.env"],
      }),
    () => send(mock, checked, "PUT", `${ent}/copilot/content_exclusion`, { "*": ["**/*.key"] }),
    () =>
      send(mock, checked, "PUT", `/orgs/${org.login}/copilot/coding-agent/permissions`, {
        enabled_repositories: random.pick(["all", "selected", "none"]),
      }),
    () =>
      send(
        mock,
        checked,
        "PUT",
        `/orgs/${org.login}/copilot/coding-agent/permissions/repositories`,
        { selected_repository_ids: [repo.id] },
      ),
    () =>
      send(
        mock,
        checked,
        random.pick(["PUT", "DELETE"]),
        `/orgs/${org.login}/copilot/coding-agent/permissions/repositories/${repo.id}`,
      ),
    () =>
      send(mock, checked, "PUT", `${ent}/copilot/policies/coding_agent`, {
        policy_state: "enabled_for_selected_orgs",
      }),
    () =>
      send(
        mock,
        checked,
        random.pick(["POST", "DELETE"]),
        `${ent}/copilot/policies/coding_agent/organizations`,
        { organizations: [org.login] },
      ),
    () =>
      send(mock, checked, "PUT", `${ent}/copilot/custom-agents/source`, {
        organization_id: org.id,
      }),
    () => send(mock, checked, "DELETE", `${ent}/copilot/custom-agents/source`),
  ];
  await random.pick(actions)();
}

async function readEverything(mock: CopilotMock, random: Random, checked: Checked): Promise<void> {
  const state = mock.state;
  const ent = `/enterprises/${state.enterprise.slug}`;
  for (const org of state.orgs.values()) {
    const base = `/orgs/${org.login}`;
    await send(mock, checked, "GET", `${base}/copilot/billing`);
    for (let page = 1; page <= Math.ceil(org.seats.length / 100) + 1; page++) {
      await send(mock, checked, "GET", `${base}/copilot/billing/seats?per_page=100&page=${page}`);
    }
    for (const seat of some(random, org.seats, 6)) {
      const login = state.users.get(seat.userId ?? -1)?.login;
      if (login) await send(mock, checked, "GET", `${base}/members/${login}/copilot`);
      if (login) await send(mock, checked, "GET", `${ent}/members/${login}/copilot`);
    }
    await send(mock, checked, "GET", `${base}/copilot/content_exclusion`);
    await send(mock, checked, "GET", `${base}/copilot/coding-agent/permissions`);
    await send(mock, checked, "GET", `${base}/copilot/coding-agent/permissions/repositories`);
    await send(
      mock,
      checked,
      "GET",
      `/repos/${org.login}/${random.pick(org.repositories).name}/copilot/cloud-agent/configuration`,
    );
    await send(mock, checked, "GET", `${base}/copilot/metrics?per_page=10`);
    for (const team of org.teams.keys())
      await send(mock, checked, "GET", `${base}/team/${team}/copilot/metrics`);
    for (const kind of ["organization", "users", "user-teams", "repos"]) {
      await send(
        mock,
        checked,
        "GET",
        `${base}/copilot/metrics/reports/${kind}-1-day?day=2026-03-1${random.int(0, 5)}`,
      );
    }
    await send(mock, checked, "GET", `${base}/copilot/metrics/reports/organization-28-day/latest`);
    await send(mock, checked, "GET", `${base}/copilot/metrics/reports/users-28-day/latest`);
  }
  const rows = [...state.orgs.values()].reduce(
    (n, org) => n + org.seats.length,
    state.enterprise.seats.length,
  );
  for (let page = 1; page <= Math.ceil(rows / 100) + 1; page++) {
    await send(mock, checked, "GET", `${ent}/copilot/billing/seats?per_page=100&page=${page}`);
  }
  await send(mock, checked, "GET", `${ent}/copilot/content_exclusion`);
  await send(mock, checked, "GET", `${ent}/copilot/custom-agents`);
  await send(mock, checked, "GET", `${ent}/copilot/custom-agents/source`);
  await send(mock, checked, "GET", `${ent}/copilot/usage-records?per_page=50`);
  await send(mock, checked, "GET", `${ent}/copilot/metrics`);
  for (const team of state.enterprise.teams.keys())
    await send(mock, checked, "GET", `${ent}/team/${team}/copilot/metrics`);
  for (const kind of ["enterprise", "users", "user-teams", "repos"]) {
    await send(
      mock,
      checked,
      "GET",
      `${ent}/copilot/metrics/reports/${kind}-1-day?day=2026-03-1${random.int(0, 5)}`,
    );
  }
  await send(mock, checked, "GET", `${ent}/copilot/metrics/reports/enterprise-28-day/latest`);
  await send(mock, checked, "GET", `${ent}/copilot/metrics/reports/users-28-day/latest`);
}

const RECORD_SCHEMAS = [
  [/-(organization|enterprise)-(1|28)-day\//, RECORDS.DayTotalsSchema],
  [/\/users-(1|28)-day\//, RECORDS.UserDayRecordSchema],
  [/\/user-teams-1-day\//, RECORDS.UserTeamRecordSchema],
  [/\/repos-1-day\//, RECORDS.RepoDayRecordSchema],
] as const;

async function checkFiles(mock: CopilotMock, checked: Checked): Promise<number> {
  let records = 0;
  for (const link of checked.links) {
    const response = await mock.handle(new Request(link));
    const text = (await response?.text()) ?? "";
    const path = new URL(link).pathname;
    const schema = RECORD_SCHEMAS.find(
      ([pattern]) => pattern.test(`-${path.split("/")[4]}/`) || pattern.test(path),
    )?.[1];
    if (response?.status !== 200 || !schema) {
      checked.problems.push(
        `${path}: status ${response?.status}, schema ${schema ? "found" : "missing"}`,
      );
      continue;
    }
    const parsed = path.endsWith(".ndjson")
      ? text
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [JSON.parse(text)].flatMap((doc) => doc.day_totals ?? [doc]);
    for (const record of parsed) {
      records++;
      const result = schema.safeParse(record);
      if (!result.success)
        checked.problems.push(`${path}: ${JSON.stringify(result.error.issues.slice(0, 2))}`);
    }
  }
  return records;
}

const SEEDS: MockSeed[] = [
  { random: 1, orgs: ["octo-org"], seats: 40 },
  {
    random: 2,
    orgs: ["octo-org", "octo-labs", "octo-ops"],
    seats: 120,
    teams: 8,
    enterpriseTeams: 3,
  },
  {
    random: 3,
    orgs: ["acme"],
    seats: 7,
    teams: 2,
    enterpriseTeams: 1,
    seatManagementSetting: "assign_all",
  },
  { random: 4, orgs: ["a", "b"], seats: 250, teams: 12 },
];

describe("contract with the bundled spec", () => {
  it("has a route for every operation of the spec, and none beyond it", () => {
    const sample = (path: string) => path.replace(/\{[^}]+\}/g, "x");
    for (const op of OPERATIONS)
      expect(findRoute(routes, op.method, sample(op.path)), op.id).toMatchObject({
        route: { path: op.path },
      });
    // The GitHub App token routes (`appJwt`) serve `githubApp()`; they are not Copilot operations.
    for (const route of routes.filter((r) => !r.appJwt))
      expect(operationFor(route.method, sample(route.path)), route.path).toBeDefined();
    expect(routes.filter((r) => r.appJwt).map((r) => r.path)).toEqual([
      "/orgs/{org}/installation",
      "/enterprises/{enterprise}/installation",
      "/app/installations/{installation_id}/access_tokens",
    ]);
  });

  for (const seed of SEEDS) {
    it(`answers within the spec's schemas for seed ${seed.random} after random mutations`, async () => {
      const mock = createCopilotMock({ now: () => NOW, seed });
      const random = createRandom(1_000 + (seed.random ?? 0));
      const checked: Checked = { operations: new Set(), problems: [], links: [] };
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 12; i++) await mutate(mock, random, checked);
        await readEverything(mock, random, checked);
      }
      const records = await checkFiles(mock, checked);
      expect(checked.problems).toEqual([]);
      expect(records).toBeGreaterThan(0);
      expect(checked.operations.size).toBeGreaterThan(30);
    }, 30_000);
  }
});

/**
 * Builds a `MockState` from a `MockSeed`: organizations in one enterprise,
 * members, teams, enterprise teams and seats with the mix of cases real
 * tenants show (team-held and direct seats, multi-org users, never-used and
 * stale seats, pending cancellations, a seat whose assignee is null, a row
 * without `plan_type`). Linear in the number of seats: 5 000 seats build in
 * a few milliseconds.
 */
import { daysBefore, firstDayOfNextMonth, isoTimestamp } from "./dates.js";
import { createRandom, type Random } from "./random.js";
import type {
  MockEnterprise,
  MockEnterpriseTeam,
  MockOrg,
  MockSeat,
  MockSeed,
  MockState,
  MockTeam,
  MockUser,
  SeatGrant,
} from "./types.js";

/** The values used for every `MockSeed` field left out. */
export const DEFAULT_SEED: Readonly<Required<MockSeed>> = {
  enterprise: "octo-enterprise",
  orgs: ["octo-org"],
  seats: 50,
  teams: 6,
  enterpriseTeams: 2,
  days: 28,
  random: 1,
  seatManagementSetting: "assign_selected",
};

const FIRST = [
  "mona",
  "hubot",
  "ada",
  "grace",
  "linus",
  "margaret",
  "alan",
  "barbara",
  "dennis",
  "frances",
  "guido",
  "hedy",
  "ken",
  "katherine",
  "radia",
  "tim",
  "yukihiro",
  "anita",
  "bjarne",
  "shafi",
  "leslie",
  "donald",
  "edsger",
  "john",
  "sophie",
  "james",
  "lynn",
  "niklaus",
  "rasmus",
  "brendan",
];
const LAST = [
  "lisa",
  "octocat",
  "lovelace",
  "hopper",
  "torvalds",
  "hamilton",
  "turing",
  "liskov",
  "ritchie",
  "allen",
  "rossum",
  "lamarr",
  "thompson",
  "johnson",
  "perlman",
  "lee",
  "matsumoto",
  "borg",
  "stroustrup",
  "goldwasser",
  "lamport",
  "knuth",
  "dijkstra",
  "backus",
  "wilson",
  "gosling",
];
const TEAM_NAMES = [
  "Platform",
  "Frontend",
  "Backend",
  "Data Science",
  "Mobile",
  "Security",
  "Developer Experience",
  "Infrastructure",
  "Payments",
  "Search",
  "Design Systems",
  "Site Reliability",
];
const ENTERPRISE_TEAM_NAMES = ["Copilot Pilots", "Engineering Leads", "Contractors", "AI Guild"];
const REPOSITORIES = [
  "api",
  "web",
  "mobile-app",
  "infra",
  "docs",
  "data-pipeline",
  "design-system",
  "cli",
];

/**
 * Editor strings as GitHub reports them in `last_activity_editor`
 * (`<ide>/<ide version>/<plugin>/<plugin version>`).
 */
export const EDITORS = [
  "vscode/1.96.2/copilot-chat/0.23.2",
  "vscode/1.95.3/copilot/1.246.0",
  "vscode/1.97.0/copilot/1.270.0",
  "JetBrains-IU/243.22562.145/copilot-intellij/1.5.29.7524",
  "JetBrains-PY/242.23726.102/copilot-intellij/1.5.27.7343",
  "VisualStudio/17.12.3/copilot-vs/1.206.0.0",
  "Neovim/0.10.2/copilot.vim/1.41.0",
  "Xcode/16.1/copilot-xcode/0.27.0",
  "copilot_pr_review",
  "github.com",
];

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** Builds the state for `seed` as seen at `now`. Same inputs, same state. */
export function createState(seed: MockSeed, now: Date): MockState {
  const s = { ...DEFAULT_SEED, ...seed };
  const random = createRandom(s.random);
  const state: MockState = {
    enterprise: createEnterprise(s.enterprise),
    orgs: new Map(),
    users: new Map(),
    usersByLogin: new Map(),
    randomSeed: s.random,
    legacyDays: Math.min(Math.max(s.days, 1), 100),
    nextId: 2_000,
    version: 0,
  };
  const seatsPerOrg = Math.max(0, Math.floor(s.seats));
  let previousMembers: number[] = [];
  s.orgs.forEach((login, index) => {
    const org = createOrg(state, login, index, s.seatManagementSetting);
    const shared =
      index === 0 ? [] : sample(random, previousMembers, Math.ceil(seatsPerOrg * 0.08));
    const memberCount = Math.ceil(seatsPerOrg * 1.15) + 2;
    const members = [...shared];
    while (members.length < memberCount) members.push(createUser(state, random).id);
    for (const id of members) org.members.add(id);
    createTeams(state, random, org, members, s.teams);
    assignSeats(random, org, members, seatsPerOrg, now, index === 0);
    previousMembers = previousMembers.concat(members.slice(shared.length));
    state.orgs.set(login.toLowerCase(), org);
  });
  createEnterpriseTeams(state, random, s.enterpriseTeams, now);
  grantEnterpriseSeats(state, random, now);
  return state;
}

/**
 * Seats the enterprise grants users directly (`organization: null` rows), to users who also
 * hold an organization seat, so one user appears under several owners: about 2 % of the
 * seated users, the first idle for 90 days, the second pending cancellation.
 */
function grantEnterpriseSeats(state: MockState, random: Random, now: Date): void {
  const seated = new Set<number>();
  for (const org of state.orgs.values())
    for (const seat of org.seats)
      if (seat.userId !== null && seat.grant.kind === "direct") seated.add(seat.userId);
  if (seated.size === 0) return;
  const count = Math.max(2, Math.ceil(seated.size * 0.02));
  sample(random, [...seated], count).forEach((userId, i) => {
    const seat = createSeat(random, userId, { kind: "direct" }, "enterprise", now);
    if (i === 0) {
      seat.lastActivityAt = isoTimestamp(daysBefore(now, 90));
      seat.lastAuthenticatedAt = seat.lastActivityAt;
      seat.lastActivityEditor = "vscode/1.96.0/copilot/1.250.0";
      seat.createdAt = isoTimestamp(daysBefore(now, 200));
      seat.updatedAt = seat.createdAt;
    }
    if (i === 1) seat.pendingCancellationDate = firstDayOfNextMonth(now);
    state.enterprise.seats.push(seat);
  });
}

function createEnterprise(slug: string): MockEnterprise {
  return {
    id: 1_001,
    slug,
    name: slug.replace(/-/g, " "),
    teams: new Map(),
    copilotTeams: new Set(),
    seats: [],
    contentExclusion: { "*": ["**/*.pem", "**/.env"] },
    codingAgentPolicy: "configured_by_org_admins",
    codingAgentOrganizations: new Set(),
    customAgentsSourceOrgId: null,
  };
}

function createOrg(
  state: MockState,
  login: string,
  index: number,
  setting: MockOrg["seatManagementSetting"],
): MockOrg {
  const repositories = REPOSITORIES.map((name) => ({ id: state.nextId++, name }));
  return {
    id: 1_100 + index,
    login,
    description: index === 0 ? "Our main organization" : null,
    planType: index % 2 === 0 ? "business" : "enterprise",
    seatManagementSetting: setting,
    policies: {
      public_code_suggestions: "block",
      ide_chat: "enabled",
      platform_chat: "enabled",
      cli: "enabled",
    },
    members: new Set(),
    teams: new Map(),
    copilotTeams: new Set(),
    seats: [],
    pendingInvitations: index === 0 ? 2 : 0,
    contentExclusion: {
      [repositories[0]?.name ?? "api"]: ["/config/secrets/**", "*.key"],
      "*": ["**/.env"],
    },
    repositories,
    codingAgent: {
      enabled_repositories: "selected",
      selectedRepositoryIds: new Set([repositories[0]?.id ?? 0]),
    },
    metricsApiEnabled: true,
  };
}

function createUser(state: MockState, random: Random): MockUser {
  const id = state.nextId++;
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  let login = `${first}-${last}`;
  if (state.usersByLogin.has(login)) login = `${login}-${id}`;
  const user: MockUser = { id, login, name: `${capitalize(first)} ${capitalize(last)}` };
  state.users.set(id, user);
  state.usersByLogin.set(login, user);
  return user;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `count` distinct elements of `items`, in a seeded order (partial Fisher-Yates on a copy). */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const copy = items.slice();
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = random.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

/**
 * Team 0 has three members, so the metrics endpoints withhold it (GitHub only
 * reports teams with five or more seated members); even-indexed teams hold
 * Copilot seats.
 */
function createTeams(
  state: MockState,
  random: Random,
  org: MockOrg,
  members: number[],
  count: number,
): void {
  const typical = Math.max(6, Math.ceil((members.length / Math.max(count, 1)) * 0.8));
  for (let i = 0; i < count; i++) {
    const base = TEAM_NAMES[i % TEAM_NAMES.length] as string;
    const name = i < TEAM_NAMES.length ? base : `${base} ${Math.floor(i / TEAM_NAMES.length) + 1}`;
    const size = i === 0 ? 3 : random.int(5, typical);
    const team: MockTeam = {
      id: state.nextId++,
      slug: slugify(name),
      name,
      description: `The ${name} team`,
      members: new Set(sample(random, members, size)),
    };
    org.teams.set(team.slug, team);
    if (i % 2 === 0) org.copilotTeams.add(team.slug);
  }
}

function assignSeats(
  random: Random,
  org: MockOrg,
  members: number[],
  seatCount: number,
  now: Date,
  withQuirks: boolean,
): void {
  const seated = new Set<number>();
  const add = (userId: number, grant: SeatGrant) => {
    if (seated.has(userId) || org.seats.length >= seatCount) return;
    seated.add(userId);
    org.seats.push(createSeat(random, userId, grant, org.planType, now));
  };
  for (const slug of org.copilotTeams) {
    for (const userId of org.teams.get(slug)?.members ?? []) add(userId, { kind: "team", slug });
  }
  for (const userId of members) add(userId, { kind: "direct" });

  const direct = org.seats.filter((seat) => seat.grant.kind === "direct");
  const pendingDate = firstDayOfNextMonth(now);
  direct.forEach((seat, i) => {
    if (i % 25 === 7) {
      seat.pendingCancellationDate = pendingDate;
      seat.updatedAt = isoTimestamp(daysBefore(now, random.int(0, 10)));
    }
  });
  if (!withQuirks) return;
  // The rows most hand-written fixtures forget: a seat without plan_type, one
  // with plan_type "unknown", and one whose assignee GitHub answers as null.
  if (direct[2]) delete direct[2].planType;
  if (direct[3]) direct[3].planType = "unknown";
  if (direct[5]) direct[5].userId = null;
}

/** Activity mix: ~50 % active this week, 15 % this month, 17 % stale, 18 % never used. */
function createSeat(
  random: Random,
  userId: number,
  grant: SeatGrant,
  planType: MockSeat["planType"],
  now: Date,
): MockSeat {
  const roll = random.next();
  let lastActivity: Date | null = null;
  if (roll < 0.5) lastActivity = daysBefore(now, random.next() * 6.5);
  else if (roll < 0.65) lastActivity = daysBefore(now, random.int(8, 29) + random.next());
  else if (roll < 0.82) lastActivity = daysBefore(now, random.int(31, 200) + random.next());
  let created: Date;
  if (lastActivity === null) {
    created = daysBefore(now, random.chance(0.35) ? random.int(1, 20) : random.int(40, 400));
  } else {
    const ageOfActivity = (now.getTime() - lastActivity.getTime()) / 86_400_000;
    created = daysBefore(now, ageOfActivity + random.int(1, 300));
  }
  const createdAt = isoTimestamp(created);
  const seat: MockSeat = {
    userId,
    grant,
    createdAt,
    updatedAt: createdAt,
    pendingCancellationDate: null,
    lastActivityAt: lastActivity ? isoTimestamp(lastActivity) : null,
    lastActivityEditor: lastActivity ? random.pick(EDITORS) : null,
    lastAuthenticatedAt: lastActivity
      ? isoTimestamp(new Date(lastActivity.getTime() + random.int(0, 3_600_000)))
      : null,
  };
  if (planType) seat.planType = planType;
  return seat;
}

function createEnterpriseTeams(state: MockState, random: Random, count: number, now: Date): void {
  const everyone = [...state.users.keys()];
  for (let i = 0; i < count; i++) {
    const base = ENTERPRISE_TEAM_NAMES[i % ENTERPRISE_TEAM_NAMES.length] as string;
    const name = i < ENTERPRISE_TEAM_NAMES.length ? base : `${base} ${i}`;
    const team: MockEnterpriseTeam = {
      id: state.nextId++,
      slug: slugify(name),
      name,
      description: `${name} across the enterprise`,
      createdAt: isoTimestamp(daysBefore(now, 200 + i)),
      members: new Set(sample(random, everyone, random.int(5, 12))),
    };
    state.enterprise.teams.set(team.slug, team);
    if (i === 0) {
      state.enterprise.copilotTeams.add(team.slug);
      for (const userId of team.members) {
        state.enterprise.seats.push(
          createSeat(
            random,
            userId,
            { kind: "enterprise-team", slug: team.slug },
            "enterprise",
            now,
          ),
        );
      }
    }
  }
}

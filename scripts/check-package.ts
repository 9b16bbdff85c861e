/**
 * `npm run check:package`: builds the package and checks what `npm publish` would ship.
 *
 * 1. `tsup` into a clean `dist/`.
 * 2. publint (strict: warnings fail) and `attw --pack` (every resolution mode: node10, node16
 *    from CJS and ESM, bundler).
 * 3. `npm pack --dry-run`: fails when tests, benches, examples or sources leak into the
 *    tarball, or a source map embeds a test; prints the tarball size and the runtime
 *    dependency count, and fails when README's figures are more than 10% off
 *    (`--update-readme` rewrites README's size sentence from them).
 * 4. A smoke test: the real tarball installed (offline, from the npm cache) into a temporary
 *    project next to msw, then used four ways: ESM `import`, CJS `require`, TypeScript with
 *    `moduleResolution: node16` (type-checked, emitted and run) and with `bundler`
 *    (type-checked, bundled by esbuild and run). Each starts `startMockServer` from
 *    `copilot-admin-sdk/msw`, creates a client and lists every seat of an organization.
 *    The CommonJS main entry is also required with require(esm) switched off, as on
 *    Node.js 20.18. Last, the main entry is imported and required with msw made unloadable,
 *    to prove it never loads msw (and the /msw entry, as a control, must then fail). The bins
 *    run as npm links them: `--help` of both, and `copilot-admin audit --demo --json`.
 *
 * 5. A fresh clone of the committed HEAD packs with dist/ in it (the `prepack` build), so a
 *    git install works before any release.
 *
 * `--skip-smoke` stops after step 3; `--skip-clone` skips step 5; `--skip-build` reuses dist/ (while iterating on this
 * script). Exits non-zero on the first failure.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "node_modules", ".bin");

/** One file of `npm pack --json`. */
export interface PackedFile {
  path: string;
  size: number;
}

/** What `npm pack --json` reports about one tarball. */
export interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: PackedFile[];
}

/** Paths that must never be published: tests, benches, examples, TypeScript sources, fixtures. */
const FORBIDDEN = [
  /(^|\/)tests?\//,
  /(^|\/)bench\//,
  /(^|\/)examples\//,
  /(^|\/)src\//,
  /(^|\/)scripts\//,
  /(^|\/)generated\//,
  /\.(test|spec|bench)(-d)?\.[cm]?[jt]s(\.map)?$/,
  /(^|\/)\.cache\//,
  /\.tgz$/,
];

/** The packed paths that match a forbidden pattern. */
export function forbiddenFiles(paths: readonly string[]): string[] {
  return paths.filter((path) => FORBIDDEN.some((pattern) => pattern.test(path)));
}

/** The `sources` of a source map that point at tests, benches or examples. */
export function forbiddenMapSources(map: { sources?: string[] }): string[] {
  return (map.sources ?? []).filter((source) =>
    /(^|\/)(test|bench|examples)\//.test(source.replaceAll("\\", "/")),
  );
}

interface LockPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * The packages `npm install copilot-admin-sdk` adds (itself excluded), from package-lock.json:
 * the transitive closure of `dependencies` and `optionalDependencies`, resolved the way Node
 * does (nested `node_modules` first, then the parent's). Optional peers (msw, ioredis) are not
 * installed by npm, so they are not counted.
 */
export function runtimeDependencies(lock: { packages: Record<string, LockPackage> }): string[] {
  const seen = new Set<string>();
  const visit = (from: string, pkg: LockPackage): void => {
    const names = { ...pkg.dependencies, ...pkg.optionalDependencies };
    for (const name of Object.keys(names)) {
      let base = from;
      let found: string | undefined;
      for (;;) {
        const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
        if (lock.packages[candidate]) {
          found = candidate;
          break;
        }
        if (!base) break;
        const parent = base.lastIndexOf("/node_modules/");
        base = parent === -1 ? "" : base.slice(0, parent);
      }
      if (found === undefined || seen.has(found)) continue;
      seen.add(found);
      visit(found, lock.packages[found] ?? {});
    }
  };
  visit("", lock.packages[""] ?? {});
  return [...seen].map((path) => path.slice(path.lastIndexOf("node_modules/") + 13)).sort();
}

/** `1.2 MB`-style size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function step(title: string): void {
  process.stdout.write(`\n▶ ${title}\n`);
}

/** A failed check: reported without a stack trace, after the temporary project is removed. */
class CheckFailure extends Error {}

function fail(message: string): never {
  throw new CheckFailure(message);
}

/** Runs a command, streams its output, fails the check when it exits non-zero. */
function run(command: string, args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: "inherit",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} exited with ${result.status}`);
}

async function build(): Promise<void> {
  step("tsup: build dist/ (ESM, CJS, .d.ts, .d.cts)");
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  run(join(BIN, "tsup"), ["--silent"]);
}

async function lint(): Promise<void> {
  step("publint (strict)");
  const { publint } = await import("publint");
  const { formatMessage } = await import("publint/utils");
  const { messages, pkg } = await publint({ pkgDir: ROOT, strict: true, pack: "npm" });
  for (const message of messages) {
    process.stdout.write(`  ${message.type}: ${formatMessage(message, pkg, { color: false })}\n`);
  }
  if (messages.length > 0) fail(`publint reported ${messages.length} message(s)`);
  process.stdout.write("  publint: no messages\n");

  step("attw --pack (node10, node16 CJS/ESM, bundler)");
  run(join(BIN, "attw"), ["--pack", ".", "--format", "table-flipped"]);
}

/** `npm pack --json` in `cwd`; `prepack` (the build) is skipped unless `scripts` is true. */
function pack(args: string[], cwd = ROOT, scripts = false): PackResult {
  const out = execFileSync(
    "npm",
    ["pack", "--json", ...(scripts ? [] : ["--ignore-scripts"]), ...args],
    {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  // With scripts on, the build's output comes first on stdout; the JSON starts on its own line.
  const json = out.startsWith("[") ? out : out.slice(out.lastIndexOf("\n[") + 1);
  const [result] = JSON.parse(json) as PackResult[];
  if (!result) fail("npm pack printed no result");
  return result;
}

function inspectTarball(): void {
  step("npm pack --dry-run: contents, size, dependencies");
  const result = pack(["--dry-run"]);
  const paths = result.files.map((file) => file.path);
  const leaked = forbiddenFiles(paths);
  if (leaked.length > 0) fail(`the tarball would ship: ${leaked.join(", ")}`);
  for (const path of paths.filter((p) => p.endsWith(".map"))) {
    const bad = forbiddenMapSources(JSON.parse(readFileSync(join(ROOT, path), "utf8")));
    if (bad.length > 0) fail(`${path} embeds ${bad.join(", ")}`);
  }
  for (const file of result.files)
    process.stdout.write(`  ${formatSize(file.size).padStart(9)}  ${file.path}\n`);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const installed = runtimeDependencies(lock);
  process.stdout.write(
    `\n  tarball: ${formatSize(result.size)} packed, ${formatSize(result.unpackedSize)} unpacked, ${result.entryCount} files\n` +
      `  dependencies: ${Object.keys(pkg.dependencies ?? {}).length} direct, ${installed.length} installed in all (${installed.join(", ")})\n`,
  );
  const readmePath = join(ROOT, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  if (process.argv.includes("--update-readme")) {
    const updated = withSizeSentence(readme, sizeSentence(result, installed));
    if (updated === undefined) fail(`README.md has no ${SIZE_START} … ${SIZE_END} block to update`);
    writeFileSync(readmePath, updated);
    process.stdout.write("  README.md: size sentence updated\n");
    return;
  }
  const stale = readmeDrift(readme, { packedBytes: result.size, installed: installed.length });
  if (stale) fail(`${stale}, or run npm run check:package -- --update-readme`);
}

/** The markers around README's size sentence, which `--update-readme` rewrites. */
export const SIZE_START = "<!-- size: npm run check:package -- --update-readme -->";
export const SIZE_END = "<!-- /size -->";

/** README's sentence on the tarball: its sizes and the packages an install adds. */
export function sizeSentence(
  result: Pick<PackResult, "size" | "unpackedSize">,
  installed: readonly string[],
): string {
  return `The package is ${formatSize(result.size)} packed (${formatSize(result.unpackedSize)} unpacked, source maps included) and installs ${installed.length} packages: ${installed.join(", ")}.`;
}

/** `readme` with the text between the size markers replaced by `sentence`; `undefined` without markers. */
export function withSizeSentence(readme: string, sentence: string): string | undefined {
  const start = readme.indexOf(SIZE_START);
  const end = readme.indexOf(SIZE_END, start);
  if (start === -1 || end === -1) return undefined;
  return `${readme.slice(0, start + SIZE_START.length)}\n${sentence}\n${readme.slice(end)}`;
}

/**
 * README states the tarball size ("N kB packed") and the install count ("installs N
 * packages"). A size more than 10% off or a different count is an error; a README that states
 * neither gets a note, not a failure.
 */
export function readmeDrift(
  readme: string,
  actual: { packedBytes: number; installed: number },
): string | undefined {
  const size = /([\d.]+) (kB|MB) packed/.exec(readme);
  const count = /installs (\d+) packages/.exec(readme);
  const expected = `${formatSize(actual.packedBytes)} packed, installs ${actual.installed} packages`;
  if (!size && !count) {
    process.stdout.write(`  note: README states neither; it should say "${expected}"\n`);
    return undefined;
  }
  if (size) {
    const stated = Number(size[1]) * (size[2] === "MB" ? 1024 * 1024 : 1024);
    if (Math.abs(stated - actual.packedBytes) > actual.packedBytes * 0.1) {
      return `README says ${size[0]}, the tarball is ${formatSize(actual.packedBytes)} packed: update README ("${expected}")`;
    }
  }
  if (count && Number(count[1]) !== actual.installed) {
    return `README says "${count[0]}", npm installs ${actual.installed}: update README ("${expected}")`;
  }
  return undefined;
}

const MOCK_SEED = `{ seed: { orgs: ["octo-org"], seats: 50, random: 7 } }`;

/** The body every consumer runs: list all seats page by page and compare with `total_seats`. */
function consumerBody(typed: boolean): string {
  const seatType = typed ? ": Seat[]" : "";
  return `  const server = await startMockServer(${MOCK_SEED});
  try {
    const client = new CopilotClient({ auth: server.token, baseUrl: server.url, throttle: false });
    const seats${seatType} = await client.seats.list({ org: "octo-org", per_page: 20 }).toArray();
    const first = await client.request("get", "/orgs/{org}/copilot/billing/seats", { org: "octo-org", per_page: 1 });
    if (seats.length === 0 || seats.length !== first.total_seats) {
      throw new Error(\`listed \${seats.length} seats, total_seats is \${first.total_seats}\`);
    }
    if (!seats.every((seat) => typeof seat.created_at === "string")) throw new Error("a seat lacks created_at");
    console.log(\`  \${LABEL}: \${seats.length} seats listed over \${Math.ceil(seats.length / 20)} pages (VERSION \${VERSION})\`);
  } finally {
    await server.close();
  }`;
}

/** Checks TypeScript must reject: if any of these compile, the consumer fails to type-check. */
const TYPE_ASSERTIONS = `
export function typeChecks(client: CopilotClient): void {
  // @ts-expect-error: the parameter is \`org\`, not \`organization\`
  void client.seats.list({ organization: "octo-org" });
  // @ts-expect-error: selected_usernames is a string array
  void client.seats.add({ org: "octo-org", selected_usernames: "mona" });
}
`;

/** The files of the temporary consumer project. */
export function consumerFiles(): Record<string, string> {
  const esmImports = `import { CopilotClient, VERSION } from "copilot-admin-sdk";
import { startMockServer } from "copilot-admin-sdk/msw";`;
  const tsImports = `import { CopilotClient, type Seat, VERSION } from "copilot-admin-sdk";
import { startMockServer } from "copilot-admin-sdk/msw";`;
  const tsCompiler = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    target: "ES2022",
    types: ["node"],
  };
  return {
    "package.json": JSON.stringify({ name: "consumer", private: true }, null, 2),
    "esm.mjs": `${esmImports}\nconst LABEL = "ESM import";\n${consumerBody(false)}\n`,
    "cjs.cjs": `const { CopilotClient, VERSION } = require("copilot-admin-sdk");
const { startMockServer } = require("copilot-admin-sdk/msw");
const LABEL = "CJS require";
async function main() {
${consumerBody(false)}
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    "node16/tsconfig.json": JSON.stringify(
      {
        compilerOptions: {
          ...tsCompiler,
          module: "node16",
          moduleResolution: "node16",
          outDir: "out",
          // The bundler project checks every declaration (ours, zod's, undici's) once.
          skipLibCheck: true,
        },
        files: ["esm.mts", "cjs.cts"],
      },
      null,
      2,
    ),
    "node16/esm.mts": `${tsImports}\nconst LABEL = "TypeScript node16 (ESM)";\n${TYPE_ASSERTIONS}\n${consumerBody(true)}\n`,
    // msw's declarations import the ESM-only rettime, which TypeScript refuses in a CommonJS
    // file (TS1479), so a CommonJS TypeScript project loads the mock kit with import().
    "node16/cjs.cts": `import { CopilotClient, type Seat, VERSION } from "copilot-admin-sdk";
const LABEL = "TypeScript node16 (CJS)";
${TYPE_ASSERTIONS}
async function main(): Promise<void> {
  const { startMockServer } = await import("copilot-admin-sdk/msw");
${consumerBody(true)}
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    "bundler/tsconfig.json": JSON.stringify(
      {
        compilerOptions: {
          ...tsCompiler,
          module: "preserve",
          moduleResolution: "bundler",
          noEmit: true,
        },
        files: ["main.ts"],
      },
      null,
      2,
    ),
    "bundler/main.ts": `${tsImports}\nconst LABEL = "TypeScript bundler (esbuild)";\n${TYPE_ASSERTIONS}\n${consumerBody(true)}\n`,
    // Node's module hooks see every `import`: msw resolved from the main entry fails the import.
    "deny-msw.mjs": `import { register } from "node:module";
register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { if (specifier === "msw" || specifier.startsWith("msw/")) throw new Error("msw was loaded: " + specifier); return next(specifier, context); }',
    ),
);
`,
    "main-without-msw.mjs": `import { CopilotClient } from "copilot-admin-sdk";
new CopilotClient({ auth: "t", throttle: false });
console.log("  ESM main entry: msw not loaded");
`,
    "main-without-require-esm.cjs": `const { CopilotClient, VERSION } = require("copilot-admin-sdk");
new CopilotClient({ auth: "t", throttle: false });
console.log(\`  CJS main entry without require(esm), as on Node.js 20.18: loads (VERSION \${VERSION})\`);
`,
    "msw-entry.mjs": `await import("copilot-admin-sdk/msw");\n`,
    "main-without-msw.cjs": `const { CopilotClient } = require("copilot-admin-sdk");
new CopilotClient({ auth: "t", throttle: false });
const loaded = Object.keys(require.cache).filter((path) => /[\\\\/]node_modules[\\\\/](msw|@mswjs)[\\\\/]/.test(path));
if (loaded.length > 0) throw new Error("msw was loaded: " + loaded.join(", "));
require("copilot-admin-sdk/msw");
if (!Object.keys(require.cache).some((path) => /[\\\\/]node_modules[\\\\/]msw[\\\\/]/.test(path))) {
  throw new Error("control failed: requiring the /msw entry did not show msw in require.cache");
}
console.log("  CJS main entry: msw not in require.cache (the /msw entry puts it there)");
`,
  };
}

function installedVersion(name: string): string {
  const manifest = JSON.parse(
    readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8"),
  ) as { version: string };
  return manifest.version;
}

function install(project: string, tarball: string): void {
  // Exactly the versions of the repository's lockfile, so the npm cache has them.
  const specs = [
    tarball,
    `msw@${installedVersion("msw")}`,
    `@types/node@${installedVersion("@types/node")}`,
  ];
  const base = [
    "install",
    ...specs,
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    "--loglevel=error",
  ];
  const offline = spawnSync("npm", [...base, "--offline"], {
    cwd: project,
    stdio: "inherit",
    timeout: 120_000,
  });
  if (offline.status === 0) return;
  process.stdout.write("  offline install failed; retrying with --prefer-offline\n");
  run("npm", [...base, "--prefer-offline"], project);
}

/** Runs an installed bin of the consumer project and returns its stdout; fails on a non-zero exit. */
function bin(project: string, name: string, args: string[]): string {
  const result = spawnSync(join(project, "node_modules", ".bin", name), args, {
    cwd: project,
    encoding: "utf8",
    timeout: 60_000,
    // `audit --json` of the demo enterprise prints over 1 MB (spawnSync's default buffer).
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GITHUB_TOKEN: "" },
  });
  if (result.status !== 0)
    fail(`${name} ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** `copilot-admin` and `copilot-mock` as npm links them: help, and an audit of the demo mock. */
function binChecks(project: string): void {
  if (!bin(project, "copilot-admin", ["--help"]).includes("reclaim"))
    fail("copilot-admin --help does not list reclaim");
  if (!bin(project, "copilot-mock", ["--help"]).includes("--fault"))
    fail("copilot-mock --help does not list --fault");
  const report = JSON.parse(bin(project, "copilot-admin", ["audit", "--demo", "--json"]));
  if (!(report.seats?.total > 0)) fail("copilot-admin audit --demo --json reported no seats");
  process.stdout.write(
    `  copilot-admin audit --demo --json: ${report.seats.total} seats; copilot-admin and copilot-mock --help\n`,
  );
}

async function smoke(): Promise<void> {
  step("smoke test: install the tarball into a temporary project");
  const work = mkdtempSync(join(tmpdir(), "copilot-admin-sdk-smoke-"));
  try {
    const { filename } = pack(["--pack-destination", work]);
    const project = join(work, "consumer");
    for (const [path, text] of Object.entries(consumerFiles())) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    install(project, join(work, filename));

    step("consumers");
    run("node", ["esm.mjs"], project);
    run("node", ["cjs.cjs"], project);
    // Node.js 20.18 cannot require() an ES module (ERR_REQUIRE_ESM); the flag restores that.
    // Only the main entry: msw's own CommonJS build requires the ESM-only rettime.
    run("node", ["--no-experimental-require-module", "main-without-require-esm.cjs"], project);
    run(join(BIN, "tsc"), ["-p", "node16"], project);
    run("node", ["node16/out/esm.mjs"], project);
    run("node", ["node16/out/cjs.cjs"], project);
    run(join(BIN, "tsc"), ["-p", "bundler"], project);
    const esbuild = await import("esbuild");
    await esbuild.build({
      absWorkingDir: project,
      entryPoints: ["bundler/main.ts"],
      outfile: "bundler/out/main.mjs",
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "warning",
    });
    run("node", ["bundler/out/main.mjs"], project);

    step("the main entry does not load msw");
    run("node", ["--import", "./deny-msw.mjs", "main-without-msw.mjs"], project);
    const control = spawnSync("node", ["--import", "./deny-msw.mjs", "msw-entry.mjs"], {
      cwd: project,
      encoding: "utf8",
      timeout: 30_000,
    });
    if (control.status === 0 || !control.stderr.includes("msw was loaded")) {
      fail("control failed: the msw hook did not stop the /msw entry from loading msw");
    }
    process.stdout.write("  control: the /msw entry under the same hook fails as expected\n");
    run("node", ["main-without-msw.cjs"], project);

    step("the bins, installed");
    binChecks(project);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The dist/ files a tarball must hold: every entry point and bin of package.json. */
export function missingEntries(
  manifest: { exports?: unknown; bin?: Record<string, string> },
  packed: readonly string[],
): string[] {
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === "string") targets.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") for (const v of Object.values(value)) collect(v);
  };
  collect(manifest.exports);
  collect(manifest.bin);
  const have = new Set(packed);
  return [...targets].filter((path) => path.startsWith("dist/") && !have.has(path)).sort();
}

/**
 * A git install or an `npm pack` of a fresh clone (dist/ is git-ignored) must build dist/
 * through the `prepack` script. Clones the committed HEAD into a temporary directory, links
 * this checkout's node_modules (no network), packs with scripts on, and checks that every
 * entry point and bin is in the tarball.
 */
function freshClone(): void {
  step("fresh clone: npm pack runs prepack and ships dist/");
  const work = mkdtempSync(join(tmpdir(), "copilot-admin-sdk-clone-"));
  try {
    const clone = join(work, "clone");
    run("git", ["clone", "--quiet", "--no-hardlinks", ROOT, clone]);
    symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"), "dir");
    const result = pack(["--dry-run"], clone, true);
    const manifest = JSON.parse(readFileSync(join(clone, "package.json"), "utf8"));
    const paths = result.files.map((file) => file.path);
    const missing = missingEntries(manifest, paths);
    if (missing.length > 0) fail(`a fresh clone packs without ${missing.join(", ")}`);
    process.stdout.write(
      `  fresh clone packs ${result.entryCount} files, ${paths.filter((p) => p.startsWith("dist/")).length} under dist/\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!process.argv.includes("--skip-build")) await build();
  await lint();
  inspectTarball();
  if (!process.argv.includes("--skip-smoke")) await smoke();
  if (!process.argv.includes("--skip-clone")) freshClone();
  process.stdout.write(
    `\n✔ check:package passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    const text =
      error instanceof CheckFailure
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`\n✖ check:package: ${text}\n`);
    process.exitCode = 1;
  });
}

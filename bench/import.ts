/**
 * `npm run bench:import`: the cost of a cold `import()` of the built main entry (dist/index.js,
 * run `npm run build` first) side by side with `@octokit/rest`, the reference the target is set
 * against (at most 1.5× its figure). Each sample is a fresh `node` process that times only the
 * `import()` with `performance.now()`; the targets alternate (A B, A B, ...) so that both see
 * the same machine load. Prints the median and the range in ms, and the ratio of the medians.
 *
 * Flags: `--rounds N` (default 15).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({ options: { rounds: { type: "string", default: "15" } } });
const rounds = Math.max(1, Number(flags.rounds));
const root = fileURLToPath(new URL("..", import.meta.url));
const sdkEntry = pathToFileURL(`${root}dist/index.js`).href;
if (!existsSync(fileURLToPath(sdkEntry)))
  throw new Error("dist/index.js is missing: run `npm run build`");

const TARGETS = [
  { label: "copilot-admin-sdk (dist/index.js)", specifier: sdkEntry },
  { label: "@octokit/rest", specifier: "@octokit/rest" },
] as const;
/** The ratio the issue allows: the SDK's cold import at most 1.5× @octokit/rest's. */
const LIMIT = 1.5;

function sample(specifier: string): number {
  const script =
    "const t = performance.now();" +
    `await import(${JSON.stringify(specifier)});` +
    "process.stdout.write(String(performance.now() - t));";
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
  });
  return Number(out);
}

const samples = new Map<string, number[]>(TARGETS.map((t) => [t.label, []]));
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
  for (const target of order) samples.get(target.label)?.push(sample(target.specifier));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const medians = TARGETS.map((t) => median(samples.get(t.label) ?? []));
console.log(`cold import(), ${rounds} fresh processes each, Node ${process.versions.node}`);
for (const [i, target] of TARGETS.entries()) {
  const values = samples.get(target.label) ?? [];
  console.log(
    `  ${target.label.padEnd(36)} median ${medians[i]!.toFixed(1)} ms  (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)})`,
  );
}
const ratio = medians[0]! / medians[1]!;
console.log(
  `  ratio ${ratio.toFixed(2)}× (target ≤ ${LIMIT}×): ${ratio <= LIMIT ? "holds" : "MISSED"}`,
);

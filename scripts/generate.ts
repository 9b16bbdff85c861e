/**
 * `npm run generate`: writes generated/openapi.ts, generated/schemas.ts,
 * generated/operations.ts, generated/types.ts and
 * test/types/schemas-agree.test-d.ts from spec/copilot.openapi.yaml.
 *
 * `npm run generate:check` (`--check`) writes nothing and exits 1, naming each
 * stale file, when the committed output differs from what the spec produces.
 * `--spec <file>` reads another spec (used by the tests).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./codegen/index.js";
import { loadSpec } from "./codegen/spec.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const check = args.includes("--check");
const specIndex = args.indexOf("--spec");
const specFile = specIndex >= 0 ? args[specIndex + 1] : "spec/copilot.openapi.yaml";
if (specFile === undefined) throw new Error("--spec needs a file");

const { files, warnings } = await generate(loadSpec(join(root, specFile)));
for (const warning of warnings) console.warn(`warning: ${warning}`);

const stale: string[] = [];
for (const [path, content] of files) {
  const target = join(root, path);
  const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
  if (current === content) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

if (check && stale.length > 0) {
  console.error(
    `Stale generated file(s), run \`npm run generate\`:\n${stale.map((p) => `  ${p}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(
  check
    ? `generated files are up to date with ${specFile}`
    : `${stale.length} of ${files.size} generated file(s) updated from ${specFile}`,
);

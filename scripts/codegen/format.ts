/**
 * Formats generated TypeScript with the project's biome configuration (the
 * `generated/` folder is excluded from linting, not from tidy output).
 */
import { execFileSync } from "node:child_process";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const BIOME = fileURLToPath(new URL("../../node_modules/.bin/biome", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** `source` as biome formats TypeScript in this repository (`relativePath` names the file). */
export function formatTypeScript(source: string, relativePath: string): string {
  // biome refuses to format an existing path its configuration ignores (generated/),
  // so it is told a bare file name in the root, which the same settings apply to.
  return execFileSync(BIOME, ["format", `--stdin-file-path=${basename(relativePath)}`], {
    cwd: ROOT,
    input: source,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

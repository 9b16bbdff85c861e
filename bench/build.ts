/**
 * Bundles each runner with `child.ts` into one ESM script under
 * `node_modules/.cache/copilot-admin-sdk-bench/` (so npm packages stay external and resolve
 * from the project's `node_modules`, exactly as in an application). Children then run on
 * plain `node`, without tsx's loader (about 33 MB of RSS and its compile time).
 */
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { RunnerName } from "./job.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Where the bundles go. */
export const BUILD_DIR = resolve(here, "../node_modules/.cache/copilot-admin-sdk-bench");

/** Bundles `runners`; returns the script path of each. */
export async function buildRunners(
  runners: readonly RunnerName[],
): Promise<Record<RunnerName, string>> {
  await mkdir(BUILD_DIR, { recursive: true });
  const scripts = {} as Record<RunnerName, string>;
  await Promise.all(
    runners.map(async (name) => {
      const outfile = join(BUILD_DIR, `${name}.mjs`);
      await build({
        stdin: {
          contents: `import { runChild } from "./child.js";\nimport { run } from "./runners/${name}.js";\nawait runChild(run);\n`,
          resolveDir: here,
          loader: "ts",
          sourcefile: `${name}-entry.ts`,
        },
        bundle: true,
        packages: "external",
        platform: "node",
        format: "esm",
        target: "node20",
        sourcemap: "linked",
        outfile,
        logLevel: "warning",
      });
      scripts[name] = outfile;
    }),
  );
  return scripts;
}

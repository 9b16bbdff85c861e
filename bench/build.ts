/**
 * Bundles each runner with `child.ts` into one ESM script under
 * `node_modules/.cache/copilot-admin-sdk-bench/` (so npm packages stay external and resolve
 * from the project's `node_modules`, exactly as in an application). Children then run on
 * plain `node`, without tsx's loader (about 33 MB of RSS and its compile time).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import type { RunnerName } from "./job.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Where the bundles go. */
export const BUILD_DIR = resolve(here, "../node_modules/.cache/copilot-admin-sdk-bench");

const root = resolve(here, "..");

/**
 * Measures a candidate change to a file outside `bench/` without touching the working tree:
 * a file at `<overlay>/src/x.ts` replaces `src/x.ts` in the bundles (its imports still resolve
 * from the original folder). Used through `BENCH_OVERLAY=<dir> npm run bench`.
 */
function overlayPlugin(overlay: string): Plugin {
  return {
    name: "bench-overlay",
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        const candidate = join(overlay, relative(root, args.path));
        if (!candidate.startsWith(overlay) || !existsSync(candidate)) return undefined;
        process.stderr.write(`bench: overlay ${relative(root, args.path)} <- ${candidate}\n`);
        return {
          contents: await readFile(candidate, "utf8"),
          loader: "ts",
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

/** Bundles `runners`; returns the script path of each. `overlay`: see {@link overlayPlugin}. */
export async function buildRunners(
  runners: readonly RunnerName[],
  overlay?: string,
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
        plugins: overlay ? [overlayPlugin(resolve(overlay))] : [],
      });
      scripts[name] = outfile;
    }),
  );
  return scripts;
}

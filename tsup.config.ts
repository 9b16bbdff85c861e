import { dirname, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

/**
 * Two public entries, `copilot-admin-sdk` (src/index.ts) and `copilot-admin-sdk/msw`
 * (src/mock/index.ts), each as ESM (`.js` + `.d.ts`) and CommonJS (`.cjs` + `.d.cts`), plus the
 * `copilot-admin` and `copilot-mock` bins (ESM only). msw and ioredis stay external: only the
 * /msw entry and the bins import msw, and ioredis is loaded lazily by `throttle.redis`.
 *
 * The bins are a build of their own that imports the package's own entries instead of bundling
 * them again: `src/index.ts` becomes `./index.js`, and the mock server, which they load with
 * `import()`, becomes `./msw.js` (and msw is loaded only then: without msw, `copilot-admin`
 * works and `copilot-mock` says how to install it). The bins bundle their argument parser,
 * table and CSV libraries (dev dependencies), so installing the SDK adds none.
 *
 * p-retry 7 (and its dependency is-network-error) is ESM-only, and `require()` of an ES module
 * needs Node.js 20.19; the CommonJS build bundles them so it runs on every Node.js the package
 * supports (engines: >=20.18.1).
 *
 * So the formats are separate builds, run in parallel: ESM, CommonJS, and one declaration pass
 * that writes both `.d.ts` and `.d.cts`. tsup's `clean` removes everything in dist except the
 * `!` patterns, so each build keeps the other builds' files.
 */
const shared = {
  target: "node20",
  platform: "node",
  sourcemap: true,
  splitting: false,
  treeshake: true,
  external: ["msw", "ioredis"],
} satisfies Options;

const ENTRIES = { index: "src/index.ts", msw: "src/mock/index.ts" };
const DECLARATIONS = ["!**/*.d.ts", "!**/*.d.cts"];
const BINS = ["!copilot-*.js", "!copilot-*.js.map"];

/** Source modules the bins import from the built entries, and the file each maps to in dist/. */
const SHARED = new Map([
  [resolve("src/index.ts"), "./index.js"],
  [resolve("src/mock/server.ts"), "./msw.js"],
]);

/** Resolves imports of {@link SHARED} modules to the built entry next to the bin. */
const useBuiltEntries: Plugin = {
  name: "use-built-entries",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, importer }) => {
      const target = SHARED.get(resolve(dirname(importer), path).replace(/\.js$/, ".ts"));
      return target ? { path: target, external: true } : undefined;
    });
  },
};

export default defineConfig([
  {
    ...shared,
    entry: ENTRIES,
    format: ["esm"],
    clean: ["!**/*.cjs", "!**/*.cjs.map", ...DECLARATIONS, ...BINS],
  },
  {
    ...shared,
    entry: ENTRIES,
    format: ["cjs"],
    noExternal: ["p-retry", "is-network-error"],
    clean: ["!**/*.js", "!**/*.js.map", ...DECLARATIONS, ...BINS],
  },
  {
    ...shared,
    entry: { "copilot-admin": "src/cli/main.ts", "copilot-mock": "src/mock/cli.ts" },
    format: ["esm"],
    noExternal: ["commander", "cli-table3", "csv-stringify"],
    esbuildPlugins: [useBuiltEntries],
    // Mostly commander's comments: whitespace and syntax minified, names kept for stack traces.
    esbuildOptions(options) {
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
    // The bundled CommonJS libraries require Node's builtins: give the ES module a `require`.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  },
  {
    ...shared,
    entry: ENTRIES,
    format: ["esm", "cjs"],
    // `@internal` members (the namespaces' runner, their constructors) stay out of the public types.
    dts: { only: true, compilerOptions: { stripInternal: true } },
  },
]);

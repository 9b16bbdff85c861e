import { defineConfig, type Options } from "tsup";

/**
 * Two public entries, `copilot-admin-sdk` (src/index.ts) and `copilot-admin-sdk/msw`
 * (src/mock/index.ts), each as ESM (`.js` + `.d.ts`) and CommonJS (`.cjs` + `.d.cts`), plus the
 * `copilot-mock` bin (ESM only). msw and ioredis stay external: only the /msw entry and the bin
 * import msw, and ioredis is loaded lazily by `throttle.redis`.
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

export default defineConfig([
  {
    ...shared,
    entry: { ...ENTRIES, "copilot-mock": "src/mock/cli.ts" },
    format: ["esm"],
    clean: ["!**/*.cjs", "!**/*.cjs.map", ...DECLARATIONS],
  },
  {
    ...shared,
    entry: ENTRIES,
    format: ["cjs"],
    noExternal: ["p-retry", "is-network-error"],
    clean: ["!**/*.js", "!**/*.js.map", ...DECLARATIONS],
  },
  {
    ...shared,
    entry: ENTRIES,
    format: ["esm", "cjs"],
    // `@internal` members (the namespaces' runner, their constructors) stay out of the public types.
    dts: { only: true, compilerOptions: { stripInternal: true } },
  },
]);
